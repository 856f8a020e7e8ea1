package io.influence.scorer.query;

import io.influence.scorer.model.EngagementType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How the API writes the values every view shares, so that one concept reads the same everywhere. */
final class ApiFormat {
  private ApiFormat() {}

  /** Scores are published to two decimals: the emission threshold is 0.01. */
  static double score(double score) {
    return Math.round(score * 100) / 100.0;
  }

  /** Engagement counts by lower-case type name, in name order. */
  static Map<String, Long> engagements(Map<EngagementType, Long> counts) {
    Map<String, Long> named = new TreeMap<>();
    counts.forEach((type, count) -> named.put(type(type), count));
    return named;
  }

  static String type(EngagementType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
