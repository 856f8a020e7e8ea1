package io.influence.scorer.model;

/**
 * How a user's recent momentum moves their long-standing influence.
 *
 * <p>A user carries two forward-decayed sums of the influence they received: the <i>standing</i>
 * {@code S}, which forgets in months, and the <i>momentum</i> {@code M}, which forgets in days. In the
 * standing's units the momentum is {@code K = M · standingHalfLife / halfLife}, so that a steady
 * stream of engagement, kept up for long, gives {@code K = S}. On the log scale the score is drawn in,
 *
 * <pre>
 *   a = log2(1 + S / unit)        b = log2(1 + K / unit)
 *   log2(1 + influence / unit) = a + weight · min(b − a, log2(cap))
 * </pre>
 *
 * that is, the standing multiplied by the momentum's ratio to it, raised to {@code weight}: a user
 * engaged as usual scores their standing; an idle one loses {@code weight} of each doubling their
 * momentum falls behind (two idle weeks cost 2 to 2.5 points at the defaults); a burst lifts the score
 * by at most {@code weight · log2(cap)} doublings, so that a ring of fresh accounts gains little from
 * being quick. The combination of the two timescales is the geometric mean of the standing and the
 * momentum that predicted engagement best on MathOverflow (docs/VALIDATION.md); the cap came with it.
 *
 * <p>Both sums being forward-decayed, the influence is O(1) per engagement and exact in any order. It
 * never falls when engagement is added (both sums grow, and {@code weight < 1}) and never rises as
 * time passes (both decay, the momentum faster).
 *
 * @param halfLife how fast the momentum forgets
 * @param weight how much the momentum counts against the standing, in [0, 1)
 * @param cap the most the momentum can multiply {@code 1 + S / unit} by, before {@code weight}; at least 1
 */
public record Momentum(HalfLife halfLife, double weight, double cap) {

  public Momentum {
    if (!(weight >= 0 && weight < 1)) {
      throw new IllegalArgumentException("the momentum's weight must lie in [0, 1), got " + weight);
    }
    if (!(cap >= 1)) {
      throw new IllegalArgumentException("the momentum's cap must be at least 1, got " + cap);
    }
  }

  /**
   * The influence of a standing and a momentum, both decayed to the same moment.
   *
   * @param standingHalfLife the standing's, which puts the momentum in the standing's units
   * @param unit the influence the scale counts as one (a doubling from nothing)
   */
  public double influence(double standing, double momentum, HalfLife standingHalfLife, double unit) {
    if (!(standing > 0)) {
      return 0;
    }
    double inStandingUnits = momentum * standingHalfLife.duration().toMillis() / halfLife.duration().toMillis();
    double a = log2(1 + standing / unit);
    double b = log2(1 + inStandingUnits / unit);
    double combined = a + weight * Math.min(b - a, log2(cap));
    return unit * Math.expm1(combined * Math.log(2));
  }

  /**
   * The fastest the logarithm of the influence can fall with time alone, in doublings per
   * millisecond: the momentum's pace, and the standing's on what the momentum leaves.
   */
  public double fastestFallPerMilli(HalfLife standingHalfLife) {
    return (weight * halfLife.ratePerMilli() + (1 - weight) * standingHalfLife.ratePerMilli()) / Math.log(2);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
