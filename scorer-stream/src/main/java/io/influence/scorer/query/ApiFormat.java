package io.influence.scorer.query;

import io.influence.scorer.model.EngagementType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How the API writes the values every view shares, so that one concept reads the same everywhere. */
final class ApiFormat {
  private static final MathContext INFLUENCE_PRECISION = new MathContext(4, RoundingMode.HALF_EVEN);

  private ApiFormat() {}

  /** Scores are published to two decimals: the emission threshold is 0.01. */
  static double score(double score) {
    return Math.round(score * 100) / 100.0;
  }

  /**
   * Influence (the unbounded quantity a score is a log scale of) to four significant figures: enough to
   * compare two users or two days, where more digits are noise to a reader. The score export keeps
   * every digit, for comparing a stream with {@code recompute}.
   */
  static double influence(double influence) {
    return influence == 0 || !Double.isFinite(influence)
        ? influence : new BigDecimal(influence).round(INFLUENCE_PRECISION).doubleValue();
  }

  /** Each value of {@code byName} as {@link #influence(double)} writes it, in name order. */
  static Map<String, Double> influences(Map<String, Double> byName) {
    Map<String, Double> rounded = new TreeMap<>();
    byName.forEach((name, value) -> rounded.put(name, influence(value)));
    return rounded;
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
