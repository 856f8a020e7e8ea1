package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteDistributionTest {
  private static final int DRAWS = 100_000;

  @Test
  void indicesAreDrawnInProportionToTheirWeightsAndZeroWeightsNever() {
    int[] counts = draw(DiscreteDistribution.ofWeights(1, 0, 3));

    assertThat(counts[1]).isZero();
    assertThat((double) counts[0] / DRAWS).isCloseTo(0.25, within(0.01));
    assertThat((double) counts[2] / DRAWS).isCloseTo(0.75, within(0.01));
  }

  @Test
  void underZipfsLawTheFirstRankIsDrawnTwiceAsOftenAsTheSecondWithExponentOne() {
    int[] counts = draw(DiscreteDistribution.zipf(1_000, 1.0));

    assertThat((double) counts[0] / counts[1]).isCloseTo(2.0, within(0.1));
    assertThat(counts[0]).isGreaterThan(counts[999] * 100);
  }

  @Test
  void weightsThatDescribeNoDistributionAreRefused() {
    assertThatThrownBy(DiscreteDistribution::ofWeights).hasMessageContaining("at least one weight");
    assertThatThrownBy(() -> DiscreteDistribution.ofWeights(0, 0)).hasMessageContaining("at least one weight must be positive");
    assertThatThrownBy(() -> DiscreteDistribution.ofWeights(1, -1)).hasMessageContaining("weight 1 is -1.0");
    assertThatThrownBy(() -> DiscreteDistribution.ofWeights(Double.NaN)).hasMessageContaining("weight 0 is NaN");
  }

  private static int[] draw(DiscreteDistribution distribution) {
    SplittableRandom random = new SplittableRandom(1);
    int[] counts = new int[distribution.size()];
    for (int i = 0; i < DRAWS; i++) {
      counts[distribution.sample(random)]++;
    }
    return counts;
  }
}
