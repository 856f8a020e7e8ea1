package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
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
  void aDayWithSeveralTypesAndNetworksReadsBackEqual() {
    long noon = 20_000 * DailyActivity.MILLIS_PER_DAY + 43_200_000L;
    DailyActivity day = DailyActivity.empty(20_000)
        .withEngagement(new Engagement("a", "twitter", EngagementType.SHARE, "x", "t", List.of(), noon, 1, 1),
            new Contribution(Contribution.Outcome.SCORED, 0.1 + 0.2, "none"))
        .withEngagement(new Engagement("b", "bluesky", EngagementType.REPLY, "y", "t", List.of("cern", "physics"), noon, 1, 1),
            new Contribution(Contribution.Outcome.SCORED, 1 / 3.0, "none"))
        .withEngagement(new Engagement("c", "bluesky", EngagementType.POST, "t", "t", List.of("higgs"), noon, 1, 1),
            new Contribution(Contribution.Outcome.ACTIVITY, 0, "none"))
        .withScore(Math.PI, noon - 1);

    assertThat(serde.fromBytes(serde.toBytes(day))).isEqualTo(day);
  }

  @Test
  void aDayOfTheFormerFormatIsRefusedWithTheStoreNamed() {
    byte[] bytes = serde.toBytes(DailyActivity.empty(7));
    bytes[0] = 1;

    assertThatThrownBy(() -> serde.fromBytes(bytes)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("the daily-activity store holds a record of format version 1");
  }

  @Test
  void aDayWithoutAScoreReadsBackWithoutOne() {
    assertThat(serde.fromBytes(serde.toBytes(DailyActivity.empty(7))).hasScore()).isFalse();
  }
}
