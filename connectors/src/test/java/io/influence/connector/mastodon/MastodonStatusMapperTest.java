package io.influence.connector.mastodon;

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

class MastodonStatusMapperTest {
  private static final List<String> STATUSES = RecordedFrames.lines("mastodon/statuses.jsonl");
  private final MastodonStatusMapper mapper = new MastodonStatusMapper("mastodon.social");

  @Test
  void aStatusIsAPostOfItsAuthorAsUserAtInstanceWithItsTagsAndPlainText() throws Exception {
    FrameMapping mapping = mapper.map(new Frame("update", STATUSES.get(0)));

    assertThat(mapping.cursor()).isEqualTo("113500000000000001");
    assertThat(mapping.streamTime()).isEqualTo(Instant.parse("2026-07-04T14:38:07Z"));
    assertThat(mapping.events()).singleElement().satisfies(post -> {
      assertThat(post.getType()).isEqualTo(InteractionType.POST);
      assertThat(post.getNetwork()).isEqualTo("mastodon");
      assertThat(post.getActorAccount()).isEqualTo("Gargron@mastodon.social");
      assertThat(post.getTargetAccount()).isNull();
      assertThat(post.getEventId()).isEqualTo("https://mastodon.social/users/Gargron/statuses/113500000000000001");
      assertThat(post.getTopics()).containsExactly("mastodon", "fediverse");
      assertThat(post.getText()).isEqualTo("Mastodon 4.5 is out! #Mastodon & #fediverse");
    });
  }

  @Test
  void aReplyRepliesToTheAccountItMentionsByThatIdAndMentionsEachMentionedAccount() throws Exception {
    List<InteractionEvent> events = mapper.map(new Frame("update", STATUSES.get(1))).events();

    String uri = "https://fosstodon.org/users/alice/statuses/113499990000000002";
    assertThat(events).extracting(InteractionEvent::getType, InteractionEvent::getEventId, InteractionEvent::getActorAccount,
        InteractionEvent::getTargetAccount).containsExactly(
            tuple(InteractionType.POST, uri, "alice@fosstodon.org", null),
            tuple(InteractionType.REPLY, uri + "#reply", "alice@fosstodon.org", "Gargron@mastodon.social"),
            tuple(InteractionType.MENTION, uri + "#mention:Gargron@mastodon.social", "alice@fosstodon.org", "Gargron@mastodon.social"),
            tuple(InteractionType.MENTION, uri + "#mention:bob@hachyderm.io", "alice@fosstodon.org", "bob@hachyderm.io"));
  }

  @Test
  void aReblogIsOnlyAShareOfTheOriginalsAuthorAboutTheOriginal() throws Exception {
    List<InteractionEvent> events = mapper.map(new Frame("update", STATUSES.get(2))).events();

    assertThat(events).singleElement().satisfies(share -> {
      assertThat(share.getType()).isEqualTo(InteractionType.SHARE);
      assertThat(share.getActorAccount()).isEqualTo("bob@hachyderm.io");
      assertThat(share.getTargetAccount()).isEqualTo("Gargron@mastodon.social");
      assertThat(share.getContentId()).isEqualTo("https://mastodon.social/users/Gargron/statuses/113500000000000001");
      assertThat(share.getTopics()).containsExactly("mastodon");
    });
  }

  @Test
  void aReplyToAnAccountNeitherMentionedNorTheAuthorGivesNoReplyButStillThePost() throws Exception {
    String status = STATUSES.get(1).replace("\"in_reply_to_account_id\":\"1\"", "\"in_reply_to_account_id\":\"999\"");

    assertThat(mapper.map(new Frame("update", status)).events()).extracting(InteractionEvent::getType)
        .containsExactly(InteractionType.POST, InteractionType.MENTION, InteractionType.MENTION);
  }

  @Test
  void deletionsEditsAndOtherEventsAreSkippedWithoutACursor() throws Exception {
    assertThat(mapper.map(new Frame("delete", "113500000000000001"))).satisfies(mapping -> {
      assertThat(mapping.skippedAs()).isEqualTo("delete");
      assertThat(mapping.cursor()).isNull();
    });
    assertThat(mapper.map(new Frame("status.update", STATUSES.get(0))).skippedAs()).isEqualTo("edit");
    assertThat(mapper.map(new Frame("announcement", "{}")).skippedAs()).isEqualTo("event:announcement");
  }

  @Test
  void aStatusWithoutItsRequiredFieldsIsUnmappable() {
    assertThatThrownBy(() -> mapper.map(new Frame("update", "{\"id\":\"12\"")))
        .isInstanceOfSatisfying(UnmappableFrameException.class, e -> assertThat(e.reason()).isEqualTo("invalid-json"));
    assertThatThrownBy(() -> mapper.map(new Frame("update", STATUSES.get(0).replace("\"acct\":\"Gargron\",", ""))))
        .isInstanceOfSatisfying(UnmappableFrameException.class, e -> {
          assertThat(e.reason()).isEqualTo("missing-field");
          assertThat(e.getMessage()).contains("acct");
        });
    assertThatThrownBy(() -> mapper.map(new Frame("update", STATUSES.get(0).replace("2026-07-04T14:38:07.000Z", "yesterday"))))
        .isInstanceOfSatisfying(UnmappableFrameException.class, e -> assertThat(e.reason()).isEqualTo("invalid-record"));
  }
}
