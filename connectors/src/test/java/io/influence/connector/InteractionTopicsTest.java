package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionTopicsTest {

  @Test
  void eachNetworkHasItsOwnTopicNamedInLowerCase() {
    assertThat(InteractionTopics.topicFor("twitter")).isEqualTo("interactions.twitter");
    assertThat(InteractionTopics.topicFor("LinkedIn")).isEqualTo("interactions.linkedin");
  }

  @Test
  void anInteractionIsKeyedByItsNetworkAndTheAccountThatActed() {
    assertThat(InteractionTopics.keyFor(event("Twitter", InteractionType.SHARE, "alice", "bob")))
        .isEqualTo("twitter:alice");
  }

  @Test
  void aPostIsKeyedByItsAuthor() {
    assertThat(InteractionTopics.keyFor(event("bluesky", InteractionType.POST, "alice", null)))
        .isEqualTo("bluesky:alice");
  }

  @Test
  void aNetworkNameThatCannotBePartOfATopicNameIsRefusedWithTheCharactersAllowed() {
    assertThatThrownBy(() -> InteractionTopics.topicFor("face book"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("network 'face book' cannot name a Kafka topic: use 1 to 236 letters, digits, '.', '_' or '-'");
    assertThatThrownBy(() -> InteractionTopics.topicFor(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static InteractionEvent event(String network, InteractionType type, String actor, String target) {
    return new InteractionEvent("e1", network, type, actor, target, null, List.of(), null, Instant.EPOCH);
  }
}
