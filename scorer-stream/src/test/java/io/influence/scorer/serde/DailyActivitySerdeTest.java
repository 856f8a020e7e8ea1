package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyActivitySerdeTest {
  private final DailyActivitySerde serde = new DailyActivitySerde();

  @Test
  void aDayWithEngagementAndAScoreReadsBackEqual() {
    long noon = 20_000 * DailyActivity.MILLIS_PER_DAY + 43_200_000L;
    Engagement mention = new Engagement("e", "twitter", EngagementType.MENTION, "actor", "target", List.of("travel"), noon, 1, 1);
    DailyActivity day = DailyActivity.empty(20_000)
        .withEngagement(mention, new Contribution(Contribution.Outcome.SCORED, 0.7, "none"))
        .withScore(12.5, noon);

    assertThat(serde.fromBytes(serde.toBytes(day))).isEqualTo(day);
  }

  @Test
  void aDayWithoutAScoreReadsBackWithoutOne() {
    assertThat(serde.fromBytes(serde.toBytes(DailyActivity.empty(7))).hasScore()).isFalse();
  }
}
