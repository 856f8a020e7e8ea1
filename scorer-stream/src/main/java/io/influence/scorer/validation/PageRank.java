package io.influence.scorer.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted PageRank (Brin and Page, 1998) of an interaction graph: an edge from actor to target
 * weighted by how often the actor engaged the target, so a user ranks high when users who rank high
 * engage them. The baseline an influence score with actor weighting is closest to, computed here the
 * textbook way, by power iteration over the whole graph at once.
 *
 * <p>Damping 0.85; a user who engaged nobody passes their rank to everyone alike; iteration stops when
 * the ranks move by less than {@value #TOLERANCE} in sum, or after {@value #MAX_ITERATIONS} rounds.
 */
final class PageRank {
  static final double DAMPING = 0.85;
  private static final double TOLERANCE = 1e-10;
  private static final int MAX_ITERATIONS = 200;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Map<Integer, Double>> outEdges = new ArrayList<>();

  /** Adds {@code weight} to the edge from {@code actor} to {@code target}. */
  void addEdge(String actor, String target, double weight) {
    int from = node(actor);
    int to = node(target);
    outEdges.get(from).merge(to, weight, Double::sum);
  }

  /** Every node's rank; they sum to 1. */
  Map<String, Double> ranks() {
    int n = index.size();
    if (n == 0) {
      return Map.of();
    }
    double[] outWeight = new double[n];
    for (int node = 0; node < n; node++) {
      outWeight[node] = outEdges.get(node).values().stream().mapToDouble(Double::doubleValue).sum();
    }
    double[] rank = new double[n];
    Arrays.fill(rank, 1.0 / n);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] next = new double[n];
      double dangling = 0;
      for (int node = 0; node < n; node++) {
        if (outWeight[node] == 0) {
          dangling += rank[node];
          continue;
        }
        double share = DAMPING * rank[node] / outWeight[node];
        for (Map.Entry<Integer, Double> edge : outEdges.get(node).entrySet()) {
          next[edge.getKey()] += share * edge.getValue();
        }
      }
      double everyone = (1 - DAMPING) / n + DAMPING * dangling / n;
      double moved = 0;
      for (int node = 0; node < n; node++) {
        next[node] += everyone;
        moved += Math.abs(next[node] - rank[node]);
      }
      rank = next;
      if (moved < TOLERANCE) {
        break;
      }
    }
    Map<String, Double> ranks = new HashMap<>(n * 2);
    double[] result = rank;
    index.forEach((user, node) -> ranks.put(user, result[node]));
    return ranks;
  }

  private int node(String user) {
    return index.computeIfAbsent(user, key -> {
      outEdges.add(new HashMap<>());
      return outEdges.size() - 1;
    });
  }
}
