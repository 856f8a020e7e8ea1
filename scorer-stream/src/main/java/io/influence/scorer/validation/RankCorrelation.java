package io.influence.scorer.validation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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
    return pearson(averageRanks(x), averageRanks(y));
  }

  /** The 1-based rank of each value in ascending order; ties get the average of the ranks they span. */
  static double[] averageRanks(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start + 1;
      while (end < order.length && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Positions start..end-1 hold equal values: ranks start+1..end, whose average is this.
      double rank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        ranks[order[i]] = rank;
      }
      start = end;
    }
    return ranks;
  }

  private static double pearson(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      covariance += dx * dy;
      varianceX += dx * dx;
      varianceY += dy * dy;
    }
    return varianceX == 0 || varianceY == 0 ? Double.NaN : covariance / Math.sqrt(varianceX * varianceY);
  }
}
