package io.influence.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.influence.connector.live.Frame;
import io.influence.connector.live.FrameJson;
import io.influence.connector.live.FrameMapper;
import io.influence.connector.live.FrameMapping;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a Jetstream v1 frame ({@code /subscribe}, JSON; bluesky-social/jetstream docs/README.md section 5.1)
 * to interaction events of network {@code bluesky}, whose accounts are DIDs.
 *
 * <p>Only {@code create} commits of the four subscribed collections become events:
 * <ul>
 *   <li>{@code app.bsky.feed.like} to LIKE and {@code app.bsky.feed.repost} to SHARE, of the author of
 *       the subject's at:// URI;</li>
 *   <li>{@code app.bsky.graph.follow} to FOLLOW of the subject DID;</li>
 *   <li>{@code app.bsky.feed.post} to a POST (the author's activity), plus a REPLY to the author of
 *       {@code reply.parent}, a SHARE of the author of a quoted record ({@code app.bsky.embed.record}, or
 *       the record of {@code app.bsky.embed.recordWithMedia}), and a MENTION of each distinct mentioned
 *       DID ({@code app.bsky.richtext.facet#mention}).</li>
 * </ul>
 * A post's topics are its hashtag facets ({@code #tag}, taking the tag's text from the facet's byte range
 * when the tag is empty) and its {@code tags}; its text goes along as it is.
 *
 * <p>Skipped and counted, not published: {@code delete}s (the scorer's model only adds; an unliked
 * like's weight fades with time like any other, and a deletion carries no record to say whose content it
 * was), {@code update}s (an edited profile or post is not a new interaction), and {@code identity} and
 * {@code account} events (handle changes and account status: accounts are DIDs, which neither changes),
 * except an account's deletion ({@code active: false, status: deleted}), which asks the scorer to forget
 * the account ({@link FrameMapping#accountDeleted}).
 *
 * <p>The event time is {@code time_us}, when Jetstream saw the commit, not the record's {@code createdAt},
 * which the author's client sets and which may be anything (backdated imports, wrong clocks). The event
 * id is {@code did/collection/rkey}; the events a post yields besides its POST add {@code #reply},
 * {@code #quote} or {@code #mention:<did>} to it, so a replayed frame repeats every id.
 */
public final class JetstreamMapper implements FrameMapper {
  public static final String NETWORK = "bluesky";
  public static final String LIKE = "app.bsky.feed.like";
  public static final String REPOST = "app.bsky.feed.repost";
  public static final String POST = "app.bsky.feed.post";
  public static final String FOLLOW = "app.bsky.graph.follow";
  /** The collections the connector subscribes to. */
  public static final List<String> COLLECTIONS = List.of(LIKE, REPOST, POST, FOLLOW);

  @Override
  public FrameMapping map(Frame frame) throws UnmappableFrameException {
    JsonNode root = FrameJson.object(frame.text());
    JsonNode timeUs = root.path("time_us");
    if (!timeUs.canConvertToExactIntegral() || timeUs.asLong() < 0) {
      throw new UnmappableFrameException("missing-field", "time_us is missing or not a whole number");
    }
    String cursor = timeUs.asText();
    Instant seenAt = Instant.ofEpochSecond(timeUs.asLong() / 1_000_000, timeUs.asLong() % 1_000_000 * 1000);
    String kind = root.path("kind").asText();
    if (!kind.equals("commit")) {
      if (kind.equals("account") && "deleted".equals(root.path("account").path("status").asText())
          && !root.path("account").path("active").asBoolean(true) && AtUri.isDid(root.path("did").asText())) {
        return FrameMapping.accountDeleted(NETWORK + ":" + root.path("did").asText(), cursor, seenAt);
      }
      if (kind.equals("identity") || kind.equals("account")) {
        return FrameMapping.skipped(kind, cursor, seenAt);
      }
      throw new UnmappableFrameException("unknown-kind", "kind '" + kind + "' is not commit, identity or account");
    }
    String did = root.path("did").asText();
    if (!AtUri.isDid(did)) {
      throw new UnmappableFrameException("missing-field", "did '" + did + "' is not a DID");
    }
    JsonNode commit = root.path("commit");
    String operation = commit.path("operation").asText();
    if (!operation.equals("create")) {
      if (operation.equals("delete") || operation.equals("update")) {
        return FrameMapping.skipped(operation, cursor, seenAt);
      }
      throw new UnmappableFrameException("missing-field", "commit.operation '" + operation + "' is not create, update or delete");
    }
    String collection = commit.path("collection").asText();
    String rkey = commit.path("rkey").asText();
    JsonNode record = commit.path("record");
    if (rkey.isEmpty() || !record.isObject()) {
      throw new UnmappableFrameException("missing-field", "a create commit needs commit.rkey and commit.record");
    }
    String eventId = did + "/" + collection + "/" + rkey;
    try {
      List<InteractionEvent> events = switch (collection) {
        case LIKE -> List.of(event(eventId, InteractionType.LIKE, did, subjectAuthor(record), subjectUri(record), seenAt));
        case REPOST -> List.of(event(eventId, InteractionType.SHARE, did, subjectAuthor(record), subjectUri(record), seenAt));
        case FOLLOW -> List.of(event(eventId, InteractionType.FOLLOW, did, followed(record), null, seenAt));
        case POST -> post(eventId, did, record, "at://" + eventId, seenAt);
        default -> null;
      };
      return events == null ? FrameMapping.skipped("collection", cursor, seenAt) : FrameMapping.events(events, cursor, seenAt);
    } catch (IllegalArgumentException e) {
      throw new UnmappableFrameException("invalid-record", collection + " record: " + e.getMessage(), e);
    }
  }

  private static List<InteractionEvent> post(String eventId, String did, JsonNode record, String uri, Instant seenAt) {
    List<String> topics = topics(record);
    String text = record.path("text").isTextual() ? record.path("text").asText() : null;
    List<InteractionEvent> events = new ArrayList<>();
    events.add(content(eventId, InteractionType.POST, did, null, uri, topics, text, seenAt));
    JsonNode parent = record.path("reply").path("parent").path("uri");
    if (!parent.isMissingNode()) {
      events.add(content(eventId + "#reply", InteractionType.REPLY, did, AtUri.authorDid(parent.asText()), uri, topics, text, seenAt));
    }
    String quoted = quotedUri(record.path("embed"));
    if (quoted != null) {
      events.add(content(eventId + "#quote", InteractionType.SHARE, did, AtUri.authorDid(quoted), uri, topics, text, seenAt));
    }
    for (String mentioned : mentions(record)) {
      events.add(content(eventId + "#mention:" + mentioned, InteractionType.MENTION, did, mentioned, uri, topics, text, seenAt));
    }
    return events;
  }

  /** The quoted record's URI: {@code embed.record.uri}, or {@code embed.record.record.uri} when media come along. */
  private static String quotedUri(JsonNode embed) {
    String type = embed.path("$type").asText();
    JsonNode uri = switch (type) {
      case "app.bsky.embed.record" -> embed.path("record").path("uri");
      case "app.bsky.embed.recordWithMedia" -> embed.path("record").path("record").path("uri");
      default -> null;
    };
    return uri == null || uri.isMissingNode() ? null : uri.asText();
  }

  private static Set<String> mentions(JsonNode record) {
    Set<String> dids = new LinkedHashSet<>();
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        if (feature.path("$type").asText().equals("app.bsky.richtext.facet#mention")) {
          String did = feature.path("did").asText();
          if (!AtUri.isDid(did)) {
            throw new IllegalArgumentException("mention facet's did '" + did + "' is not a DID");
          }
          dids.add(did);
        }
      }
    }
    return dids;
  }

  private static List<String> topics(JsonNode record) {
    Set<String> topics = new LinkedHashSet<>();
    String text = record.path("text").asText("");
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        if (feature.path("$type").asText().equals("app.bsky.richtext.facet#tag")) {
          String tag = feature.path("tag").asText("");
          if (tag.isBlank()) {
            JsonNode index = facet.path("index");
            tag = Utf8Slice.of(text, index.path("byteStart").asLong(-1), index.path("byteEnd").asLong(-1)).orElse("");
          }
          if (!tag.isBlank()) {
            topics.add(tag);
          }
        }
      }
    }
    for (JsonNode tag : record.path("tags")) {
      if (tag.isTextual() && !tag.asText().isBlank()) {
        topics.add(tag.asText());
      }
    }
    return List.copyOf(topics);
  }

  private static String subjectUri(JsonNode record) {
    JsonNode uri = record.path("subject").path("uri");
    if (!uri.isTextual()) {
      throw new IllegalArgumentException("subject.uri is missing");
    }
    return uri.asText();
  }

  private static String subjectAuthor(JsonNode record) {
    return AtUri.authorDid(subjectUri(record));
  }

  private static String followed(JsonNode record) {
    String subject = record.path("subject").asText();
    if (!AtUri.isDid(subject)) {
      throw new IllegalArgumentException("subject '" + subject + "' is not a DID");
    }
    return subject;
  }

  private static InteractionEvent event(String eventId, InteractionType type, String actor, String target, String contentId,
      Instant occurredAt) {
    return content(eventId, type, actor, target, contentId, List.of(), null, occurredAt);
  }

  private static InteractionEvent content(String eventId, InteractionType type, String actor, String target, String contentId,
      List<String> topics, String text, Instant occurredAt) {
    return FrameJson.event(NETWORK, eventId, type, actor, target, contentId, topics, text, occurredAt);
  }

}
