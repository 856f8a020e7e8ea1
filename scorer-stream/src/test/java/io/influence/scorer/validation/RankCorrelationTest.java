package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  @Test
  void identicalOrdersCorrelateOneWhateverTheScale() {
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 100, 1_000, 10_000})).isEqualTo(1.0);
  }

  @Test
  void reversedOrdersCorrelateMinusOne() {
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
  }

  @Test
  void tiedValuesShareTheAverageOfTheRanksTheySpan() {
    assertThat(RankCorrelation.averageRanks(Order.ascending(new double[] {30, 10, 20, 20}), new int[] {1, 1, 1, 1}))
        .containsExactly(4, 1, 2.5, 2.5);
  }

  @Test
  void aResampleCountsEachCopyAsAnItemAndLeavesOutWhatItDidNotDraw() {
    double[] x = {1, 2, 3, 4};
    double[] y = {2, 1, 4, 3};
    // Drawing the first item twice, the third once and the others never is the sample (1, 1, 3) against (2, 2, 4).
    assertThat(RankCorrelation.spearman(Order.ascending(x), Order.ascending(y), new int[] {2, 0, 1, 0}))
        .isCloseTo(RankCorrelation.spearman(new double[] {1, 1, 3}, new double[] {2, 2, 4}), within(1e-12));
  }

  @Test
  void withTiesTheCoefficientIsPearsonsOfTheAverageRanks() {
    // Ranks (1, 2.5, 2.5, 4) and (1, 2, 3, 4): covariance 4.5, sums of squares 4.5 and 5.
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
        .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
  }

  @Test
  void aConstantVariableOrdersNothingSoTheCoefficientIsUndefined() {
    assertThat(RankCorrelation.spearman(new double[] {7, 7, 7}, new double[] {1, 2, 3})).isNaN();
  }

  @Test
  void valuesThatDoNotPairUpAreRejected() {
    assertThatThrownBy(() -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
