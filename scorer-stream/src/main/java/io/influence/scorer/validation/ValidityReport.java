package io.influence.scorer.validation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link PredictiveValidity}: one row per {@link Predictor}.
 *
 * @param lastEvent the end of the ground truth: the latest event read
 * @param users users judged: engaged by somebody else before the split
 * @param engagedAfter how many of them somebody else engaged after it
 * @param rejectedLines lines of the source that were not valid events
 */
public record ValidityReport(Instant split, Instant lastEvent, long users, long engagedAfter, long rejectedLines, List<Row> rows) {

  public ValidityReport {
    rows = List.copyOf(rows);
  }

  /**
   * @param ndcg NDCG at each of {@link PredictiveValidity#CUTOFFS}, in that order
   */
  public record Row(Predictor predictor, double spearman, List<Double> ndcg) {
    public Row {
      ndcg = List.copyOf(ndcg);
    }

    public double ndcgAt(int k) {
      return ndcg.get(PredictiveValidity.CUTOFFS.indexOf(k));
    }
  }

  public Row row(Predictor predictor) {
    return rows.stream().filter(row -> row.predictor() == predictor).findFirst().orElseThrow();
  }

  /** A few lines of context, then a Markdown table, to paste where the numbers are recorded. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "split %s (%d); ground truth: distinct actors engaging each user from then to %s%n",
        split, split.getEpochSecond(), lastEvent));
    out.append(String.format(Locale.ROOT, "users %,d (engaged by others before the split), %,d of them engaged after it%s%n%n",
        users, engagedAfter, rejectedLines == 0 ? "" : String.format(Locale.ROOT, "; %,d lines rejected", rejectedLines)));
    out.append("| method                      | Spearman |");
    PredictiveValidity.CUTOFFS.forEach(k -> out.append(String.format(Locale.ROOT, " %9s |", "NDCG@" + k)));
    out.append(System.lineSeparator()).append("|-----------------------------|---------:|");
    PredictiveValidity.CUTOFFS.forEach(k -> out.append("----------:|"));
    out.append(System.lineSeparator());
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "| %-27s | %8.4f |", row.predictor().label(), row.spearman()));
      row.ndcg().forEach(value -> out.append(String.format(Locale.ROOT, " %9.4f |", value)));
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
