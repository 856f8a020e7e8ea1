package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementSerdeTest {
  private final EngagementSerde serde = new EngagementSerde();

  @Test
  void everyTypeOfEngagementReadsBackEqual() {
    for (EngagementType type : EngagementType.values()) {
      Engagement engagement = new Engagement("higgs-activity_time.txt.gz:1", "twitter", type, "twitter:223789", "twitter:213163",
          List.of("physics", "cern"), 1_341_100_972_000L, 0.1 + 0.2, 1 / 3.0);

      assertThat(serde.fromBytes(serde.toBytes(engagement))).isEqualTo(engagement);
    }
  }

  @Test
  void anEngagementNotYetWeighedReadsBackWithoutAnActorScore() {
    Engagement engagement = new Engagement("e", "bluesky", EngagementType.LIKE, "bluesky:a", "person-1", List.of(), 0, Double.NaN, 1);

    assertThat(serde.fromBytes(serde.toBytes(engagement)).actorScore()).isNaN();
  }
}
