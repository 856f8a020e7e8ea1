package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.model.ActorActivity;
import org.junit.jupiter.api.Test;

class ActorActivitySerdeTest {
  private final ActorActivitySerde serde = new ActorActivitySerde();

  @Test
  void anActorsDayReadsBackEqualInFiveBytes() {
    ActorActivity activity = new ActorActivity(15_527, 12);

    assertThat(serde.fromBytes(serde.toBytes(activity))).isEqualTo(activity);
    assertThat(serde.toBytes(activity)).hasSize(5);
  }
}
