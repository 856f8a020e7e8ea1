package io.influence.scorer.model;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What was published for a user: the latest score, and the last score of each of their most recent
 * (UTC) days with publications.
 *
 * <p>An actor is weighed by the score they had at the start of the engagement's day, not by their very
 * latest one. Scores then feed back once a day, as Klout's did, rather than with whatever lag the stream
 * has between publishing a score and reading it back; and because the record carries a few days of
 * history, a reader that is ahead of or behind the actor in event time (partitions advance at their
 * own pace) still picks the score of the right day.
 *
 * @param score the latest published score
 * @param atMillis the event time it was computed for
 * @param dayEndScores the last score published on each recent day, by days since the epoch
 */
public record PublishedScore(double score, long atMillis, NavigableMap<Long, Double> dayEndScores) {
  /** A week of history, plus the current day. */
  public static final int DAYS_KEPT = 8;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  public PublishedScore {
    dayEndScores = Collections.unmodifiableNavigableMap(new TreeMap<>(dayEndScores));
  }

  public static PublishedScore first(double score, long atMillis) {
    return new PublishedScore(score, atMillis, new TreeMap<>(Map.of(dayOf(atMillis), score)));
  }

  /** The score published next, at {@code nextAtMillis}. */
  public PublishedScore next(double nextScore, long nextAtMillis) {
    TreeMap<Long, Double> days = new TreeMap<>(dayEndScores);
    days.put(dayOf(nextAtMillis), nextScore);
    while (days.size() > DAYS_KEPT) {
      days.pollFirstEntry();
    }
    return new PublishedScore(nextScore, Math.max(atMillis, nextAtMillis), days);
  }

  /**
   * The score published for decay alone at {@code atMillis}. It leaves the day-end scores as they
   * are: an actor is weighed by the scores their engagement earned, which {@code recompute} computes
   * the same way without publishing decay, so the stream and the offline model stay comparable.
   */
  public PublishedScore decayedTo(double decayedScore, long decayedAtMillis) {
    return new PublishedScore(decayedScore, Math.max(atMillis, decayedAtMillis), dayEndScores);
  }

  /**
   * The score to weigh this user's engagement at {@code eventMillis} by: the last one published
   * before that day began, or {@code priorScore} if none is known.
   */
  public double asSeenAt(long eventMillis, double priorScore) {
    Map.Entry<Long, Double> dayBefore = dayEndScores.lowerEntry(dayOf(eventMillis));
    return dayBefore == null ? priorScore : dayBefore.getValue();
  }

  private static long dayOf(long millis) {
    return Math.floorDiv(millis, MILLIS_PER_DAY);
  }
}
