package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyActivityTest {
  private static final long NOON = 20_000 * DailyActivity.MILLIS_PER_DAY + 43_200_000L;

  private static Engagement engagement(EngagementType type, String network, String... topics) {
    return new Engagement("e", network, type, "actor", "target", List.of(topics), NOON, 1, 1);
  }

  @Test
  void scoredEngagementsAddTheirCountAndInfluenceByTypeNetworkAndTopic() {
    DailyActivity day = DailyActivity.empty(20_000)
        .withEngagement(engagement(EngagementType.SHARE, "twitter", "cooking"), new Contribution(Contribution.Outcome.SCORED, 2.0, "none"))
        .withEngagement(engagement(EngagementType.SHARE, "bluesky", "cooking", "travel"), new Contribution(Contribution.Outcome.SCORED, 1.0, "none"))
        .withEngagement(engagement(EngagementType.POST, "twitter", "cooking"), new Contribution(Contribution.Outcome.ACTIVITY, 0, "activity"));

    assertThat(day.counts()).isEqualTo(Map.of(EngagementType.SHARE, 2L, EngagementType.POST, 1L));
    assertThat(day.influenceByType()).isEqualTo(Map.of(EngagementType.SHARE, 3.0));
    assertThat(day.influenceByNetwork()).isEqualTo(Map.of("twitter", 2.0, "bluesky", 1.0));
    assertThat(day.influenceByTopic()).isEqualTo(Map.of("cooking", 3.0, "travel", 1.0));
    assertThat(day.hasScore()).isFalse();
  }

  @Test
  void theDayKeepsTheScoreComputedLatestWhateverOrderTheyArriveIn() {
    DailyActivity day = DailyActivity.empty(20_000).withScore(40, NOON).withScore(35, NOON - 1000).withScore(42, NOON + 1000);

    assertThat(day.score()).isEqualTo(42);
    assertThat(day.scoreAtMillis()).isEqualTo(NOON + 1000);
  }
}
