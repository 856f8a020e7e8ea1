package io.influence.scorer.validation;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * Normalised discounted cumulative gain at a cut-off k (Järvelin and Kekäläinen, "Cumulated
 * gain-based evaluation of IR techniques", ACM TOIS 2002): how much of the relevance a ranking puts in
 * its first k places, weighing place {@code i} (from 1) by {@code 1 / log2(i + 1)}, relative to the
 * best possible ranking. 1 means the first k are the k most relevant items in the best order.
 *
 * <p>The gain is the relevance itself (linear), not {@code 2^relevance − 1}: relevances here are
 * counts of people, which can run into thousands, and a user engaged by 200 people should count twice
 * one engaged by 100, not 2^100 times.
 */
public final class Ndcg {
  private Ndcg() {}

  /**
   * NDCG@k of {@code items} ranked by {@code ranking} (first = predicted most relevant). The ranking
   * must be total, ties broken by something like an id, so the result does not depend on input order.
   *
   * @return in [0, 1] for non-negative relevances; NaN when no item has any relevance
   */
  public static <T> double atK(List<T> items, Comparator<? super T> ranking, ToDoubleFunction<? super T> relevance, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    double ideal = dcg(items.stream().mapToDouble(relevance).boxed().sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue), k);
    double actual = dcg(items.stream().sorted(ranking).mapToDouble(relevance), k);
    return ideal > 0 ? actual / ideal : Double.NaN;
  }

  private static double dcg(DoubleStream relevancesInOrder, int k) {
    double[] top = relevancesInOrder.limit(k).toArray();
    double sum = 0;
    for (int i = 0; i < top.length; i++) {
      // Place i + 1, discounted by log2(place + 1).
      sum += top[i] / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }
}
