package io.influence.scorer.topology;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceSnapshot;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps each user's days: the day in progress in the user's own record ({@link io.influence.scorer.model.ScoredUser#currentDay}),
 * the days before it in {@link ScoringTopology#DAILY_ACTIVITY_STORE}, one-day tumbling windows retained
 * for the model's window. {@code GET /v1/users/{userId}/history} reads both.
 *
 * <p>A day moves to the store when a later one begins for the user, so the store is written once per
 * user and day rather than once per engagement, and read only for an engagement or score that arrives
 * for a day already stored (a late event).
 */
final class DailyActivityRecorder {
  private final WindowStore<String, DailyActivity> days;

  DailyActivityRecorder(WindowStore<String, DailyActivity> days) {
    this.days = days;
  }

  /**
   * An engagement the model accepted, on the day it occurred, and the score it made the user publish
   * (null if none), on the day that score is computed for: the same day, in one change, unless the
   * engagement came late.
   *
   * @param currentDay the user's day in progress (null if none yet)
   * @return their day in progress after it
   */
  DailyActivity recordEngagement(String userId, DailyActivity currentDay, Engagement engagement, Contribution contribution,
      InfluenceSnapshot published) {
    long engagementDay = DailyActivity.dayIndexOf(engagement.occurredAtMillis());
    if (published != null && DailyActivity.dayIndexOf(published.asOfMillis()) == engagementDay) {
      return update(userId, currentDay, engagement.occurredAtMillis(),
          day -> day.withEngagement(engagement, contribution).withScore(published.score(), published.asOfMillis()));
    }
    DailyActivity engaged = update(userId, currentDay, engagement.occurredAtMillis(), day -> day.withEngagement(engagement, contribution));
    return published == null ? engaged : recordScore(userId, engaged, published.score(), published.asOfMillis());
  }

  /**
   * A score published for {@code userId}, on the day it was computed for.
   *
   * @return their day in progress after it
   */
  DailyActivity recordScore(String userId, DailyActivity currentDay, double score, long atMillis) {
    return update(userId, currentDay, atMillis, day -> day.withScore(score, atMillis));
  }

  private DailyActivity update(String userId, DailyActivity currentDay, long atMillis, UnaryOperator<DailyActivity> change) {
    long dayIndex = DailyActivity.dayIndexOf(atMillis);
    if (currentDay != null && dayIndex == currentDay.dayIndex()) {
      return change.apply(currentDay);
    }
    if (currentDay == null || dayIndex > currentDay.dayIndex()) {
      if (currentDay != null) {
        days.put(userId, currentDay, currentDay.startMillis());
      }
      return change.apply(DailyActivity.empty(dayIndex));
    }
    long windowStart = dayIndex * DailyActivity.MILLIS_PER_DAY;
    DailyActivity day = days.fetch(userId, windowStart);
    days.put(userId, change.apply(day == null ? DailyActivity.empty(dayIndex) : day), windowStart);
    return currentDay;
  }
}
