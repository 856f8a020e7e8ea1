package io.influence.scorer.topology;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceSnapshot;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps each user's days in {@link ScoringTopology#DAILY_ACTIVITY_STORE}: one-day tumbling windows,
 * retained for the model's window, which is what {@code GET /v1/users/{userId}/history} reads.
 */
final class DailyActivityRecorder {
  private final WindowStore<String, DailyActivity> days;

  DailyActivityRecorder(WindowStore<String, DailyActivity> days) {
    this.days = days;
  }

  /**
   * An engagement the model accepted, on the day it occurred, and the score it made the user publish
   * (null if none), on the day that score is computed for: the same day, read and written once, unless
   * the engagement came late.
   */
  void recordEngagement(Engagement engagement, Contribution contribution, InfluenceSnapshot published) {
    long engagementDay = DailyActivity.dayIndexOf(engagement.occurredAtMillis());
    if (published != null && DailyActivity.dayIndexOf(published.asOfMillis()) == engagementDay) {
      update(engagement.targetId(), engagement.occurredAtMillis(),
          day -> day.withEngagement(engagement, contribution).withScore(published.score(), published.asOfMillis()));
      return;
    }
    update(engagement.targetId(), engagement.occurredAtMillis(), day -> day.withEngagement(engagement, contribution));
    if (published != null) {
      recordScore(engagement.targetId(), published.score(), published.asOfMillis());
    }
  }

  /** A score published for {@code userId}, on the day it was computed for. */
  void recordScore(String userId, double score, long atMillis) {
    update(userId, atMillis, day -> day.withScore(score, atMillis));
  }

  private void update(String userId, long atMillis, UnaryOperator<DailyActivity> change) {
    long dayIndex = DailyActivity.dayIndexOf(atMillis);
    long windowStart = dayIndex * DailyActivity.MILLIS_PER_DAY;
    DailyActivity day = days.fetch(userId, windowStart);
    days.put(userId, change.apply(day == null ? DailyActivity.empty(dayIndex) : day), windowStart);
  }
}
