package io.influence.scorer.model;

/**
 * What the scorer keeps of a user between their events, in one record so that an event reads and
 * writes one store: their influence, the day they are on, and when their decay is next reviewed.
 *
 * <p>The day in progress stays here until a later day begins, and only then joins the user's earlier
 * days in the daily-activity store: an active user's engagements then cost no read or write of that
 * store (bench/RESULTS.md measures what that saves).
 *
 * @param currentDay the user's latest day with an engagement or a score, not yet in the daily-activity
 *     store; null before their first
 * @param decayReviewMillis when their decay review is due ({@link DecaySchedule}); {@link #NO_REVIEW} if none is
 */
public record ScoredUser(UserInfluence.State influence, DailyActivity currentDay, long decayReviewMillis) {
  /** What {@link UserInfluence#whenScoreFallsTo} answers for a score that never falls that far. */
  public static final long NO_REVIEW = Long.MAX_VALUE;

  public String userId() {
    return influence.userId();
  }
}
