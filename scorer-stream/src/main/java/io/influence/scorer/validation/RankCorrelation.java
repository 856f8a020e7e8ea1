package io.influence.scorer.validation;

import java.util.Arrays;

/**
 * Spearman's rank correlation: Pearson's correlation of the two variables' ranks, so it measures how
 * well one orders the items like the other, whatever the scale of either. Tied values share the
 * average of the ranks they span (the usual "fractional ranking"), which keeps the coefficient exact
 * when most values tie, as counts of interactions do.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Spearman's ρ of {@code x} and {@code y}, paired by index: 1 when they order the items alike, −1
   * when in reverse; NaN when either is constant (it then orders nothing) or has fewer than two values.
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("need paired values, got " + x.length + " and " + y.length);
    }
    int[] once = new int[x.length];
    Arrays.fill(once, 1);
    return spearman(Order.ascending(x), Order.ascending(y), once);
  }

  /**
   * Spearman's ρ over a sample in which item {@code i} is present {@code copies[i]} times (0 leaves it
   * out): a bootstrap resample, measured without building it. Each copy is an item of its own, so
   * copies of one item tie with each other.
   */
  static double spearman(Order x, Order y, int[] copies) {
    double[] rankX = averageRanks(x, copies);
    double[] rankY = averageRanks(y, copies);
    long n = 0;
    double sumX = 0;
    double sumY = 0;
    for (int i = 0; i < copies.length; i++) {
      n += copies[i];
      sumX += copies[i] * rankX[i];
      sumY += copies[i] * rankY[i];
    }
    if (n < 2) {
      return Double.NaN;
    }
    double meanX = sumX / n;
    double meanY = sumY / n;
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < copies.length; i++) {
      double dx = rankX[i] - meanX;
      double dy = rankY[i] - meanY;
      covariance += copies[i] * dx * dy;
      varianceX += copies[i] * dx * dx;
      varianceY += copies[i] * dy * dy;
    }
    return varianceX == 0 || varianceY == 0 ? Double.NaN : covariance / Math.sqrt(varianceX * varianceY);
  }

  /**
   * The 1-based rank of each item in ascending order of its value, counting {@code copies}; items of
   * equal value get the average of the ranks they span together.
   */
  static double[] averageRanks(Order order, int[] copies) {
    double[] ranks = new double[copies.length];
    long placed = 0;
    for (Order.Group group : order.groups()) {
      long inGroup = 0;
      for (int i = group.from(); i < group.to(); i++) {
        inGroup += copies[order.item(i)];
      }
      // The group holds ranks placed+1 .. placed+inGroup, whose average is this.
      double rank = placed + (inGroup + 1) / 2.0;
      for (int i = group.from(); i < group.to(); i++) {
        ranks[order.item(i)] = rank;
      }
      placed += inGroup;
    }
    return ranks;
  }
}
