package io.influence.scorer.model;

/**
 * When a user's score is first worth reviewing for decay, after an engagement: the soonest it could
 * have fallen by {@code minDrop} points with time alone. That is when the momentum falls at its own
 * pace and the standing at its own on the rest ({@link Momentum#fastestFallPerMilli}), below the
 * knee, where the scale gives the most points per doubling. A review that finds less than
 * {@code minDrop} asks the user itself when the fall will have happened ({@link UserInfluence#whenScoreFallsTo}).
 */
public final class DecaySchedule {
  private DecaySchedule() {}

  /** The first review after the score was computed at {@code atMillis}. */
  public static long firstReview(long atMillis, double minDrop, InfluenceParameters parameters) {
    double pointsPerMilli = parameters.scale().pointsPerDoubling() * parameters.momentum().fastestFallPerMilli(parameters.standingHalfLife());
    return atMillis + Math.max(1, Math.round(minDrop / pointsPerMilli));
  }
}
