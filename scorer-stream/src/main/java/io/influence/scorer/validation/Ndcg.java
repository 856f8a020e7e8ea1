package io.influence.scorer.validation;

import java.util.Arrays;

/**
 * Normalised discounted cumulative gain at a cut-off k (Järvelin and Kekäläinen, "Cumulated
 * gain-based evaluation of IR techniques", ACM TOIS 2002): how much of the relevance a ranking puts in
 * its first k places, weighing place {@code i} (from 1) by {@code 1 / log2(i + 1)}, relative to the
 * best possible ranking. 1 means the first k are the k most relevant items in the best order.
 *
 * <p>The gain is the relevance itself (linear), not {@code 2^relevance − 1}: relevances here are
 * counts of people, which can run into thousands, and a user engaged by 200 people should count twice
 * one engaged by 100, not 2^100 times.
 *
 * <p><b>Ties.</b> Items a ranking ties share the places they span: each counts with the average of
 * their relevances times the average of those places' discounts (McSherry and Najork, "Computing
 * information retrieval performance measures efficiently in the presence of tied scores", ECIR 2008),
 * which is the expected NDCG over every order of the tie. Breaking ties by something else, such as the
 * user id, would let that something rank users: on the Higgs file the anonymised ids alone have a
 * Spearman's ρ of 0.47 with later engagement (docs/VALIDATION.md), and a count's many ties borrowed that.
 */
public final class Ndcg {
  private Ndcg() {}

  /**
   * NDCG@k of items ranked by {@code predicted}, largest first, against {@code relevance}.
   *
   * @return in [0, 1] for non-negative relevances; NaN when no item has any relevance
   */
  public static double atK(double[] predicted, double[] relevance, int k) {
    if (predicted.length != relevance.length) {
      throw new IllegalArgumentException("need paired values, got " + predicted.length + " and " + relevance.length);
    }
    int[] once = new int[predicted.length];
    Arrays.fill(once, 1);
    return atK(Order.descending(predicted), Order.descending(relevance), relevance, once, k);
  }

  /**
   * NDCG@k over a sample in which item {@code i} is present {@code copies[i]} times: a bootstrap
   * resample, measured without building it.
   *
   * @param ranking the items by predicted value, largest first
   * @param ideal the items by relevance, largest first
   */
  static double atK(Order ranking, Order ideal, double[] relevance, int[] copies, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    double best = dcg(ideal, relevance, copies, k);
    return best > 0 ? dcg(ranking, relevance, copies, k) / best : Double.NaN;
  }

  private static double dcg(Order order, double[] relevance, int[] copies, int k) {
    double sum = 0;
    long place = 0;
    for (Order.Group group : order.groups()) {
      if (place >= k) {
        break;
      }
      long inGroup = 0;
      double groupRelevance = 0;
      for (int i = group.from(); i < group.to(); i++) {
        int item = order.item(i);
        inGroup += copies[item];
        groupRelevance += copies[item] * relevance[item];
      }
      if (inGroup == 0) {
        continue;
      }
      double discounts = 0;
      for (long p = place; p < Math.min(place + inGroup, k); p++) {
        // Place p + 1, discounted by log2(place + 1).
        discounts += 1 / (Math.log(p + 2) / Math.log(2));
      }
      sum += groupRelevance / inGroup * discounts;
      place += inGroup;
    }
    return sum;
  }
}
