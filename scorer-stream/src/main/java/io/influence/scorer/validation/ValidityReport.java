package io.influence.scorer.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link PredictiveValidity}: one row per {@link Predictor}, and for each measure the
 * bootstrap interval of the score's difference from the best baseline on it.
 *
 * @param truthEnd the end of the ground truth: the horizon, or the latest event read
 * @param users users judged: engaged by somebody else in the recent window before the split
 * @param usersInSpearman those of them with enough distinct actors to count in Spearman's ρ
 * @param engagedAfter how many of them somebody else engaged after the split
 * @param rejectedLines lines of the source that were not valid events
 * @param resamples bootstrap draws behind the intervals (0: no intervals)
 */
public record ValidityReport(
    Instant split,
    Instant truthEnd,
    long users,
    long usersInSpearman,
    long engagedAfter,
    long rejectedLines,
    List<Row> rows,
    List<Interval> intervals,
    int resamples) {

  /** The measures, in the order of every row's values. */
  public static final List<String> MEASURES = measureNames();

  public ValidityReport {
    rows = List.copyOf(rows);
    intervals = List.copyOf(intervals);
  }

  private static List<String> measureNames() {
    List<String> names = new ArrayList<>(List.of("Spearman"));
    PredictiveValidity.CUTOFFS.forEach(k -> names.add("NDCG@" + k));
    return List.copyOf(names);
  }

  /**
   * @param values Spearman's ρ, then NDCG at each of {@link PredictiveValidity#CUTOFFS}, as {@link #MEASURES}
   */
  public record Row(Predictor predictor, List<Double> values) {
    public Row {
      values = List.copyOf(values);
    }

    static Row of(Predictor predictor, double[] values) {
      List<Double> boxed = new ArrayList<>(values.length);
      for (double value : values) {
        boxed.add(value);
      }
      return new Row(predictor, boxed);
    }

    public double spearman() {
      return values.get(0);
    }

    public double ndcgAt(int k) {
      return values.get(1 + PredictiveValidity.CUTOFFS.indexOf(k));
    }
  }

  /**
   * How much better than the best baseline on {@code measure} the score ranks, with a 95% interval.
   *
   * @param difference score minus the best baseline on the whole sample
   * @param low 2.5th percentile of the difference over the resamples
   * @param high 97.5th percentile
   */
  public record Interval(String measure, Predictor bestBaseline, double difference, double low, double high, int resamples) {}

  public Row row(Predictor predictor) {
    return rows.stream().filter(row -> row.predictor() == predictor).findFirst().orElseThrow();
  }

  /** The baseline best on {@code measure} (an element of {@link #MEASURES}), by its value on the whole sample. */
  public Row bestBaseline(String measure) {
    int index = MEASURES.indexOf(measure);
    return rows.stream().filter(row -> row.predictor().isBaseline())
        .max((a, b) -> Double.compare(a.values().get(index), b.values().get(index))).orElseThrow();
  }

  /** A few lines of context, then Markdown tables, to paste where the numbers are recorded. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "split %s (%d); ground truth: distinct others engaging each user from then to %s%n",
        split, split.getEpochSecond(), truthEnd));
    out.append(String.format(Locale.ROOT, "users %,d (engaged by others in the %d days before the split), %,d of them engaged after it; "
            + "%,d with %d or more distinct actors in those days count in Spearman%s%n%n",
        users, TemporalSplit.RECENT.toDays(), engagedAfter, usersInSpearman, PredictiveValidity.MIN_ACTORS_FOR_SPEARMAN,
        rejectedLines == 0 ? "" : String.format(Locale.ROOT, "; %,d lines rejected", rejectedLines)));
    out.append(String.format(Locale.ROOT, "| %-26s |", "method"));
    MEASURES.forEach(measure -> out.append(String.format(Locale.ROOT, " %9s |", measure)));
    out.append(System.lineSeparator()).append("|").append("-".repeat(28)).append("|");
    MEASURES.forEach(measure -> out.append("----------:|"));
    out.append(System.lineSeparator());
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "| %-26s |", row.predictor().label()));
      row.values().forEach(value -> out.append(String.format(Locale.ROOT, " %9.4f |", value)));
      out.append(System.lineSeparator());
    }
    if (!intervals.isEmpty()) {
      out.append(System.lineSeparator())
          .append(String.format(Locale.ROOT, "score minus the best baseline, 95%% paired bootstrap interval (%,d resamples of the users):%n%n",
              resamples))
          .append("| measure   | best baseline              | difference | interval           |").append(System.lineSeparator())
          .append("|-----------|----------------------------|-----------:|--------------------|").append(System.lineSeparator());
      for (Interval interval : intervals) {
        out.append(String.format(Locale.ROOT, "| %-9s | %-26s | %+10.4f | [%+.4f, %+.4f] |%n", interval.measure(),
            interval.bestBaseline().label(), interval.difference(), interval.low(), interval.high()));
      }
    }
    return out.toString();
  }

  /** The same, for scripts. */
  public String json() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode()
        .put("split", split.toString())
        .put("truthEnd", truthEnd.toString())
        .put("users", users)
        .put("usersInSpearman", usersInSpearman)
        .put("engagedAfter", engagedAfter)
        .put("rejectedLines", rejectedLines);
    ArrayNode methods = root.putArray("methods");
    for (Row row : rows) {
      ObjectNode method = methods.addObject().put("method", row.predictor().name()).put("label", row.predictor().label());
      for (int m = 0; m < MEASURES.size(); m++) {
        method.put(MEASURES.get(m), row.values().get(m));
      }
    }
    ArrayNode bootstrap = root.putArray("scoreMinusBestBaseline");
    for (Interval interval : intervals) {
      bootstrap.addObject()
          .put("measure", interval.measure())
          .put("bestBaseline", interval.bestBaseline().name())
          .put("difference", interval.difference())
          .put("low", interval.low())
          .put("high", interval.high())
          .put("resamples", interval.resamples());
    }
    return root.toPrettyString();
  }
}
