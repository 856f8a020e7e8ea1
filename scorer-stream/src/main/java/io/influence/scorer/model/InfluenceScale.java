package io.influence.scorer.model;

/**
 * Maps raw influence to the 1–100 score.
 *
 * <p>Below the knee the score is {@code 1 + pointsPerDoubling · log2(1 + influence / unit)}: every
 * doubling of influence is worth the same number of points, as Klout's scale was (a 50 is far more
 * than twice as influential as a 25). Above the knee the curve bends smoothly (same slope at the
 * knee) toward 100 and never reaches it, so that the very top stays ordered instead of clipping.
 *
 * <p>The score depends on the user's own influence only, so it needs no global state such as a
 * population percentile, and a user's score does not move because somebody else's did.
 */
public record InfluenceScale(double pointsPerDoubling, double unit, double kneeScore) {
  private static final double MIN_SCORE = 1.0;
  private static final double MAX_SCORE = 100.0;

  public InfluenceScale {
    if (!(pointsPerDoubling > 0)) {
      throw new IllegalArgumentException("pointsPerDoubling must be positive, got " + pointsPerDoubling);
    }
    if (!(unit > 0)) {
      throw new IllegalArgumentException("unit must be positive, got " + unit);
    }
    if (!(kneeScore > MIN_SCORE && kneeScore < MAX_SCORE)) {
      throw new IllegalArgumentException("kneeScore must lie in (1, 100), got " + kneeScore);
    }
  }

  /** The score of {@code influence}, in [1, 100). */
  public double score(double influence) {
    if (!(influence > 0)) {
      return MIN_SCORE;
    }
    double linear = MIN_SCORE + pointsPerDoubling * log2(1 + influence / unit);
    if (linear <= kneeScore) {
      return linear;
    }
    double headroom = MAX_SCORE - kneeScore;
    return kneeScore + headroom * -Math.expm1(-(linear - kneeScore) / headroom);
  }

  /** The inverse of {@link #score} below the knee: the influence a score stands for. */
  public double influenceAt(double score) {
    double linear = score;
    if (score > kneeScore) {
      double headroom = MAX_SCORE - kneeScore;
      linear = kneeScore - headroom * Math.log1p(-(score - kneeScore) / headroom);
    }
    return unit * (Math.pow(2, (linear - MIN_SCORE) / pointsPerDoubling) - 1);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
