package io.influence.connector;

import java.util.SplittableRandom;

/**
 * Draws an index {@code 0..n-1} with probability proportional to its weight, by binary search over
 * the cumulative weights: O(log n) per draw, one double per index.
 */
final class DiscreteDistribution {
  private final double[] cumulativeWeights;

  private DiscreteDistribution(double[] cumulativeWeights) {
    this.cumulativeWeights = cumulativeWeights;
  }

  /** Index {@code i} is drawn with probability {@code weights[i] / sum(weights)}. */
  static DiscreteDistribution ofWeights(double... weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("a distribution needs at least one weight");
    }
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    return new DiscreteDistribution(cumulative);
  }

  /**
   * Zipf's law over {@code size} ranks: index {@code i} (rank {@code i + 1}) has weight {@code 1 /
   * (i + 1)^exponent}. Popularity on social networks follows it roughly, with exponents near 1
   * (Kwak et al., "What is Twitter, a social network or a news media?", WWW 2010).
   */
  static DiscreteDistribution zipf(int size, double exponent) {
    double[] weights = new double[size];
    for (int i = 0; i < size; i++) {
      weights[i] = 1 / Math.pow(i + 1, exponent);
    }
    return ofWeights(weights);
  }

  int size() {
    return cumulativeWeights.length;
  }

  /** The smallest index whose cumulative weight exceeds a uniform draw below the total. */
  int sample(SplittableRandom random) {
    double draw = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
    int low = 0;
    int high = cumulativeWeights.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulativeWeights[middle] > draw) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
