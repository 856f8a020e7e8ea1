package io.influence.connector.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.influence.connector.live.Frame;
import io.influence.connector.live.FrameJson;
import io.influence.connector.live.FrameMapper;
import io.influence.connector.live.FrameMapping;
import io.influence.connector.live.NumericCursor;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a Mastodon status (the {@code update} events of {@code /api/v1/streaming/public}, and the statuses
 * of {@code /api/v1/timelines/public} that fill a gap) to interaction events of network {@code mastodon}.
 * Accounts are {@code user@instance}: a local account's {@code acct} has no domain, so the instance the
 * connector reads is added, and the same person has one name whichever instance reports them.
 *
 * <ul>
 *   <li>a reblog is a SHARE of the original's author, and only that: the boosted text is the original
 *       author's POST, published when their status arrived;</li>
 *   <li>any other status is a POST, the author's activity, plus a REPLY to {@code in_reply_to_account_id}
 *       and a MENTION of each mentioned account.</li>
 * </ul>
 * {@code in_reply_to_account_id} is an id local to the instance; it becomes {@code user@instance} through
 * the status's mentions (Mastodon mentions the replied-to account) or the author themselves. A reply to an
 * account in neither cannot be named and gives no REPLY (Mastodon's web client always mentions it).
 * Topics are the {@code tags}' names; the text is {@code content} without its HTML.
 *
 * <p>The event id is the status's {@code uri}, its ActivityPub id, which is the same on every instance
 * (local {@code id}s differ per instance): two connectors on two instances publish the same ids for a
 * federated status and the scorer counts it once. The cursor is the local {@code id}. The event time is
 * {@code created_at}. Deletions ({@code delete}) and edits ({@code status.update}) are counted and skipped.
 */
public final class MastodonStatusMapper implements FrameMapper {
  public static final String NETWORK = "mastodon";
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p>");

  private final String instance;

  /** @param instance the host whose stream is read, e.g. {@code mastodon.social}: the domain of its local accounts */
  public MastodonStatusMapper(String instance) {
    this.instance = instance;
  }

  @Override
  public FrameMapping map(Frame frame) throws UnmappableFrameException {
    switch (frame.kind()) {
      case "update":
        break;
      case "delete":
      case "status.update":
        return FrameMapping.skipped(frame.kind().equals("delete") ? "delete" : "edit", null, null);
      default:
        return FrameMapping.skipped("event:" + frame.kind(), null, null);
    }
    JsonNode status = FrameJson.object(frame.text());
    String id = required(status, "id");
    if (!NumericCursor.isCursor(id)) {
      throw new UnmappableFrameException("missing-field", "id '" + id + "' is not a number");
    }
    Instant createdAt = createdAt(status);
    String actor = account(status.path("account"));
    String uri = required(status, "uri");
    JsonNode reblog = status.path("reblog");
    if (reblog.isObject()) {
      InteractionEvent share = event(uri, InteractionType.SHARE, actor, account(reblog.path("account")), required(reblog, "uri"),
          tags(reblog), text(reblog), createdAt);
      return FrameMapping.events(List.of(share), id, createdAt);
    }
    List<String> topics = tags(status);
    String text = text(status);
    List<InteractionEvent> events = new ArrayList<>();
    events.add(event(uri, InteractionType.POST, actor, null, uri, topics, text, createdAt));
    Map<String, String> mentionedById = new LinkedHashMap<>();
    for (JsonNode mention : status.path("mentions")) {
      mentionedById.put(mention.path("id").asText(), account(mention));
    }
    JsonNode repliedTo = status.path("in_reply_to_account_id");
    if (repliedTo.isTextual()) {
      String target = repliedTo.asText().equals(status.path("account").path("id").asText()) ? actor : mentionedById.get(repliedTo.asText());
      if (target != null) {
        events.add(event(uri + "#reply", InteractionType.REPLY, actor, target, uri, topics, text, createdAt));
      }
    }
    Set<String> mentioned = new LinkedHashSet<>(mentionedById.values());
    for (String target : mentioned) {
      events.add(event(uri + "#mention:" + target, InteractionType.MENTION, actor, target, uri, topics, text, createdAt));
    }
    return FrameMapping.events(events, id, createdAt);
  }

  private static String required(JsonNode node, String field) throws UnmappableFrameException {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new UnmappableFrameException("missing-field", field + " is missing");
    }
    return value.asText();
  }

  private static Instant createdAt(JsonNode status) throws UnmappableFrameException {
    String text = required(status, "created_at");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UnmappableFrameException("invalid-record", "created_at '" + text + "' is not an ISO-8601 instant", e);
    }
  }

  /** {@code acct} as {@code user@instance}: remote accounts carry their domain, local ones get the instance's. */
  private String account(JsonNode account) throws UnmappableFrameException {
    String acct = required(account, "acct");
    return acct.contains("@") ? acct : acct + "@" + instance;
  }

  private static List<String> tags(JsonNode status) {
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : status.path("tags")) {
      String name = tag.path("name").asText("");
      if (!name.isBlank()) {
        tags.add(name);
      }
    }
    return tags;
  }

  /** The content as plain text: paragraphs and line breaks become newlines, other tags go, entities are decoded. */
  static String text(JsonNode status) {
    String html = status.path("content").asText("");
    if (html.isEmpty()) {
      return null;
    }
    String plain = TAG.matcher(BREAK.matcher(html).replaceAll("\n")).replaceAll("");
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static InteractionEvent event(String eventId, InteractionType type, String actor, String target, String contentId,
      List<String> topics, String text, Instant occurredAt) {
    return FrameJson.event(NETWORK, eventId, type, actor, target, contentId, topics, text, occurredAt);
  }

}
