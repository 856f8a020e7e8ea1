package io.influence.scorer.model;

/**
 * When a user's score is next worth reviewing for decay: the time it takes the score to fall by
 * {@code minDrop} points if nothing else happens. Below the knee the score falls
 * {@code pointsPerDoubling} points per half-life of whatever part of the influence dominates, so the pace
 * (half-life 3.5 days) gives the earliest time a review can find a drop, and the level (50 days) the
 * time to look again when a review found the pace no longer matters.
 */
public final class DecaySchedule {
  private DecaySchedule() {}

  /** The first review after the score was computed at {@code atMillis}: as soon as the pace could have moved it. */
  public static long firstReview(long atMillis, double minDrop, InfluenceParameters parameters) {
    return atMillis + delay(parameters.paceHalfLife(), minDrop, parameters);
  }

  /** The review after one at {@code atMillis} that found less than {@code minDrop}: the level's pace of decay. */
  public static long nextReview(long atMillis, double minDrop, InfluenceParameters parameters) {
    return atMillis + delay(parameters.halfLife(), minDrop, parameters);
  }

  private static long delay(HalfLife halfLife, double minDrop, InfluenceParameters parameters) {
    return Math.max(1, Math.round(halfLife.duration().toMillis() * minDrop / parameters.scale().pointsPerDoubling()));
  }
}
