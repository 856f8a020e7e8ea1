package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdcgTest {
  /** An item ranked by {@code place}, 1 first. */
  private record Item(int place, double relevance) {}

  private static final Comparator<Item> BY_PLACE = Comparator.comparingInt(Item::place);

  private static double ndcg(List<Item> items, int k) {
    return Ndcg.atK(items, BY_PLACE, Item::relevance, k);
  }

  @Test
  void theMostRelevantItemsFirstScoreOne() {
    assertThat(ndcg(List.of(new Item(1, 3), new Item(2, 2), new Item(3, 1)), 3)).isEqualTo(1.0);
  }

  @Test
  void threeItemsInReverseScoreTheRatioComputedByHand() {
    // DCG 1/log2(2) + 2/log2(3) + 3/log2(4); ideal 3/log2(2) + 2/log2(3) + 1/log2(4).
    double log2of3 = Math.log(3) / Math.log(2);
    double expected = (1 + 2 / log2of3 + 3 / 2.0) / (3 + 2 / log2of3 + 1 / 2.0);
    assertThat(ndcg(List.of(new Item(1, 1), new Item(2, 2), new Item(3, 3)), 3)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.78999800, within(1e-8));
  }

  @Test
  void onlyTheFirstKPlacesCountAndTheIdealIsTheBestKOfAll() {
    List<Item> items = List.of(new Item(1, 0), new Item(2, 5), new Item(3, 1));
    assertThat(ndcg(items, 1)).isZero();
    double log2of3 = Math.log(3) / Math.log(2);
    assertThat(ndcg(items, 2)).isCloseTo((5 / log2of3) / (5 + 1 / log2of3), within(1e-12));
  }

  @Test
  void theResultDoesNotDependOnTheOrderTheItemsAreGivenIn() {
    List<Item> items = List.of(new Item(3, 1), new Item(1, 1), new Item(2, 4));
    assertThat(ndcg(items, 2)).isEqualTo(ndcg(List.of(items.get(2), items.get(0), items.get(1)), 2));
  }

  @Test
  void withoutAnyRelevantItemTheMeasureIsUndefined() {
    assertThat(ndcg(List.of(new Item(1, 0), new Item(2, 0)), 2)).isNaN();
  }
}
