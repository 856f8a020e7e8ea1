package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NdcgTest {
  private static final double LOG2_OF_3 = Math.log(3) / Math.log(2);

  @Test
  void theMostRelevantItemsFirstScoreOne() {
    assertThat(Ndcg.atK(new double[] {3, 2, 1}, new double[] {3, 2, 1}, 3)).isEqualTo(1.0);
  }

  @Test
  void threeItemsInReverseScoreTheRatioComputedByHand() {
    // DCG 1/log2(2) + 2/log2(3) + 3/log2(4); ideal 3/log2(2) + 2/log2(3) + 1/log2(4).
    double expected = (1 + 2 / LOG2_OF_3 + 3 / 2.0) / (3 + 2 / LOG2_OF_3 + 1 / 2.0);
    assertThat(Ndcg.atK(new double[] {3, 2, 1}, new double[] {1, 2, 3}, 3)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.78999800, within(1e-8));
  }

  @Test
  void onlyTheFirstKPlacesCountAndTheIdealIsTheBestKOfAll() {
    double[] predicted = {3, 2, 1};
    double[] relevance = {0, 5, 1};
    assertThat(Ndcg.atK(predicted, relevance, 1)).isZero();
    assertThat(Ndcg.atK(predicted, relevance, 2)).isCloseTo((5 / LOG2_OF_3) / (5 + 1 / LOG2_OF_3), within(1e-12));
  }

  @Test
  void tiedItemsShareTheAverageDiscountOfThePlacesTheySpanWhateverTheirOrder() {
    // The two tied items hold places 1 and 2 together: each counts (4 + 0) / 2 times the mean of both discounts.
    double tied = (4 + 0) / 2.0 * (1 + 1 / LOG2_OF_3);
    double ideal = 4 + 1 / LOG2_OF_3 * 1;
    assertThat(Ndcg.atK(new double[] {7, 7, 1}, new double[] {4, 0, 1}, 3)).isCloseTo((tied + 1 / 2.0) / (ideal + 0), within(1e-12));
    assertThat(Ndcg.atK(new double[] {7, 7, 1}, new double[] {0, 4, 1}, 3)).isEqualTo(Ndcg.atK(new double[] {7, 7, 1}, new double[] {4, 0, 1}, 3));
  }

  @Test
  void aTieAcrossTheCutoffCountsOnlyThePlacesWithinIt() {
    // Items tied at places 1 and 2 with k = 1: the place within the cut-off gets the tie's average relevance.
    assertThat(Ndcg.atK(new double[] {1, 1}, new double[] {2, 0}, 1)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aResampleCountsEachCopyAsAnItem() {
    double[] predicted = {3, 2, 1};
    double[] relevance = {1, 3, 2};
    double resampled = Ndcg.atK(Order.descending(predicted), Order.descending(relevance), relevance, new int[] {0, 2, 1}, 3);
    assertThat(resampled).isCloseTo(Ndcg.atK(new double[] {2, 2, 1}, new double[] {3, 3, 2}, 3), within(1e-12));
  }

  @Test
  void withoutAnyRelevantItemTheMeasureIsUndefined() {
    assertThat(Ndcg.atK(new double[] {1, 2}, new double[] {0, 0}, 2)).isNaN();
  }
}
