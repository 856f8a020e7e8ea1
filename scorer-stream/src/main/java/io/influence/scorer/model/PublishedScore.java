package io.influence.scorer.model;

/**
 * The latest score published for a user, with the score they started that (UTC) day with.
 *
 * <p>An actor is weighed by the score they had at the start of the day of the engagement, not by
 * their very latest one. Scores then feed back once a day, as Klout's did, instead of with whatever
 * lag the stream has between publishing a score and reading it back; the streaming and offline paths
 * agree, and an actor's weight does not flicker during a burst.
 *
 * @param score the latest published score
 * @param atMillis the event time it was computed for
 * @param dayStartScore the last score published before that day began; NaN if there was none
 */
public record PublishedScore(double score, long atMillis, double dayStartScore) {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  public static PublishedScore first(double score, long atMillis) {
    return new PublishedScore(score, atMillis, Double.NaN);
  }

  /** The score published next, at {@code atMillis}. */
  public PublishedScore next(double nextScore, long nextAtMillis) {
    boolean newDay = dayOf(nextAtMillis) > dayOf(atMillis);
    return new PublishedScore(nextScore, Math.max(atMillis, nextAtMillis), newDay ? score : dayStartScore);
  }

  /**
   * The score to weigh this user's engagement at {@code eventMillis} by: the latest one if it was
   * published before that day, else the one the day started with, else {@code priorScore}.
   */
  public double asSeenAt(long eventMillis, double priorScore) {
    if (dayOf(atMillis) < dayOf(eventMillis)) {
      return score;
    }
    return Double.isNaN(dayStartScore) ? priorScore : dayStartScore;
  }

  private static long dayOf(long millis) {
    return Math.floorDiv(millis, MILLIS_PER_DAY);
  }
}
