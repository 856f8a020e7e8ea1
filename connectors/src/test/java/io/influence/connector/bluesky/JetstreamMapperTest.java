package io.influence.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.influence.connector.live.Frame;
import io.influence.connector.live.FrameMapping;
import io.influence.connector.live.RecordedFrames;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JetstreamMapperTest {
  private static final List<String> RECORDED = RecordedFrames.lines("jetstream/recorded.jsonl");
  private static final List<String> COMPOSED = RecordedFrames.lines("jetstream/composed.jsonl");
  private final JetstreamMapper mapper = new JetstreamMapper();

  private FrameMapping map(String text) throws UnmappableFrameException {
    return mapper.map(Frame.message(text));
  }

  @Test
  void aLikeIsALikeOfTheSubjectsAuthorAtTheTimeJetstreamSawIt() throws Exception {
    FrameMapping mapping = map(RECORDED.get(0));

    assertThat(mapping.cursor()).isEqualTo("1783175888085434");
    assertThat(mapping.streamTime()).isEqualTo(Instant.parse("2026-07-04T14:38:08.085434Z"));
    InteractionEvent like = mapping.events().get(0);
    assertThat(mapping.events()).hasSize(1);
    assertThat(like.getType()).isEqualTo(InteractionType.LIKE);
    assertThat(like.getNetwork()).isEqualTo("bluesky");
    assertThat(like.getEventId()).isEqualTo("did:plc:wq4aajammjtxdomz3e23667t/app.bsky.feed.like/3mptbyplj5d2a");
    assertThat(like.getActorAccount()).isEqualTo("did:plc:wq4aajammjtxdomz3e23667t");
    assertThat(like.getTargetAccount()).isEqualTo("did:plc:r2zybk6op3ymzpz6jhqpkoy5");
    assertThat(like.getContentId()).isEqualTo("at://did:plc:r2zybk6op3ymzpz6jhqpkoy5/app.bsky.feed.post/3mpsjbtci2c2o");
    assertThat(like.getOccurredAt()).isEqualTo(Instant.parse("2026-07-04T14:38:08.085Z"));
  }

  @Test
  void aRepostIsAShareOfTheSubjectsAuthorAndAFollowFollowsTheSubjectDid() throws Exception {
    assertThat(map(RECORDED.get(1)).events()).extracting(InteractionEvent::getType, InteractionEvent::getActorAccount,
        InteractionEvent::getTargetAccount).containsExactly(
            tuple(InteractionType.SHARE, "did:plc:5er4dj3kkwyj4cy5gdnzn56w", "did:plc:lthsfxxeghkgg44eummxtvbe"));
    assertThat(map(RECORDED.get(2)).events()).extracting(InteractionEvent::getType, InteractionEvent::getEventId,
        InteractionEvent::getTargetAccount).containsExactly(tuple(InteractionType.FOLLOW,
            "did:plc:f2furrjn2jdhjcn2td54ivxx/app.bsky.graph.follow/3mptbypmibb2v", "did:plc:mlbpil2fwz43vfn6uuysxtqa"));
  }

  @Test
  void aReplyIsThePostAndAReplyToTheParentsAuthorWithItsTextAsItIs() throws Exception {
    List<InteractionEvent> events = map(RECORDED.get(3)).events();

    assertThat(events).extracting(InteractionEvent::getType, InteractionEvent::getEventId, InteractionEvent::getTargetAccount)
        .containsExactly(
            tuple(InteractionType.POST, "did:plc:o2rolxey6s5k7d4lxcz3inl4/app.bsky.feed.post/3mptbyp7lu223", null),
            tuple(InteractionType.REPLY, "did:plc:o2rolxey6s5k7d4lxcz3inl4/app.bsky.feed.post/3mptbyp7lu223#reply",
                "did:plc:i5y2f3gtpjxs3qg6fwgb6jb4"));
    assertThat(events).allSatisfy(event -> {
      assertThat(event.getText()).isEqualTo("이쁘시네용~~~");
      assertThat(event.getContentId()).isEqualTo("at://did:plc:o2rolxey6s5k7d4lxcz3inl4/app.bsky.feed.post/3mptbyp7lu223");
    });
  }

  @Test
  void hashtagFacetsAreThePostsTopics() throws Exception {
    List<InteractionEvent> events = map(RECORDED.get(4)).events();

    assertThat(events).singleElement().satisfies(post -> {
      assertThat(post.getType()).isEqualTo(InteractionType.POST);
      assertThat(post.getTopics()).containsExactly("HowToTellAiToShutUp", "IndieRebellion");
    });
  }

  @Test
  void aQuoteIsAShareOfTheQuotedAuthorAndEachMentionFacetAMentionAndTagsJoinTheFacetTopics() throws Exception {
    List<InteractionEvent> events = map(COMPOSED.get(0)).events();

    String id = "did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3mptbyq1zzz2a";
    assertThat(events).extracting(InteractionEvent::getType, InteractionEvent::getEventId, InteractionEvent::getTargetAccount)
        .containsExactly(
            tuple(InteractionType.POST, id, null),
            tuple(InteractionType.SHARE, id + "#quote", "did:plc:xch6d5hpl66djlqq4j5uut6x"),
            tuple(InteractionType.MENTION, id + "#mention:did:plc:aglxlci7cqa7x5wqt2d2w2ai", "did:plc:aglxlci7cqa7x5wqt2d2w2ai"));
    assertThat(events.get(0).getTopics()).containsExactly("atproto", "federation");
    assertThat(map(COMPOSED.get(1)).events()).extracting(InteractionEvent::getType, InteractionEvent::getTargetAccount)
        .containsExactly(tuple(InteractionType.POST, null), tuple(InteractionType.SHARE, "did:plc:dclwtltrt2ggsryagfzk7dp4"));
  }

  @Test
  void aTagFacetWithoutItsTagTakesItsTextAtUtf8ByteOffsetsNotCharOffsets() throws Exception {
    // "😂 " is 5 bytes but 3 chars: char offsets would cut "atproto" wrong.
    String frame = COMPOSED.get(0).replace("\"tag\":\"atproto\"", "\"tag\":\"\"").replace("\"tags\":[\"federation\"],", "");

    assertThat(map(frame).events().get(0).getTopics()).containsExactly("#atproto");
    assertThat(Utf8Slice.of("😂 thanks @jay.bsky.team", 12, 26)).contains("@jay.bsky.team");
    assertThat(Utf8Slice.of("😂 x", 1, 3)).as("a range that splits the emoji").isEmpty();
    assertThat(Utf8Slice.of("abc", 2, 9)).as("a range past the end").isEmpty();
  }

  @Test
  void deletionsUpdatesIdentityAndAccountEventsAreSkippedWithTheirReasonButKeepTheCursor() throws Exception {
    assertThat(RECORDED.subList(5, 9).stream().map(this::mapUnchecked))
        .extracting(FrameMapping::skippedAs, FrameMapping::cursor)
        .containsExactly(tuple("delete", "1783175888112407"), tuple("update", "1783175888142410"),
            tuple("identity", "1783175888384849"), tuple("account", "1783175888390226"));
    assertThat(RECORDED.subList(5, 9).stream().map(this::mapUnchecked)).allSatisfy(mapping -> assertThat(mapping.events()).isEmpty());
  }

  @Test
  void anAccountDeletedOnTheNetworkAsksTheScorerToForgetItsUserAndAnInactiveOneDoesNot() throws Exception {
    String deleted = RECORDED.get(8).replace("\"active\":true", "\"active\":false,\"status\":\"deleted\"");
    String suspended = RECORDED.get(8).replace("\"active\":true", "\"active\":false,\"status\":\"suspended\"");

    FrameMapping deletion = map(deleted);
    assertThat(deletion.erasedUsers()).containsExactly("bluesky:did:plc:hqvhxrowqbemo5e4wjnj6zao");
    assertThat(deletion.events()).isEmpty();
    assertThat(deletion.cursor()).isEqualTo("1783175888390226");
    assertThat(map(suspended).erasedUsers()).as("a suspension may be lifted").isEmpty();
    assertThat(map(RECORDED.get(8)).erasedUsers()).isEmpty();
  }

  @Test
  void framesThatAreNotJetstreamsFormatAreUnmappableWithAReason() {
    assertThatThrownBy(() -> map("not json")).isInstanceOfSatisfying(UnmappableFrameException.class,
        e -> assertThat(e.reason()).isEqualTo("invalid-json"));
    assertThatThrownBy(() -> map("[1,2]")).isInstanceOfSatisfying(UnmappableFrameException.class,
        e -> assertThat(e.reason()).isEqualTo("invalid-json"));
    assertThatThrownBy(() -> map(RECORDED.get(0).replace("\"time_us\":1783175888085434,", "")))
        .isInstanceOfSatisfying(UnmappableFrameException.class, e -> assertThat(e.reason()).isEqualTo("missing-field"));
    assertThatThrownBy(() -> map(RECORDED.get(0).replace("at://did:plc:r2zybk6op3ymzpz6jhqpkoy5", "https://example.com")))
        .isInstanceOfSatisfying(UnmappableFrameException.class, e -> {
          assertThat(e.reason()).isEqualTo("invalid-record");
          assertThat(e.getMessage()).contains("app.bsky.feed.like", "https://example.com");
        });
  }

  private FrameMapping mapUnchecked(String text) {
    try {
      return map(text);
    } catch (UnmappableFrameException e) {
      throw new AssertionError(e);
    }
  }
}
