package io.influence.scorer.cli;

import io.influence.scorer.connector.EventSource;
import io.influence.scorer.topology.TopologySettings;
import io.influence.scorer.validation.PredictiveValidity;
import io.influence.scorer.validation.TemporalSplit;
import io.influence.scorer.validation.ValidityReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate}: does the score foretell who gets engaged, better than counting interactions? */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Predictive validity: score everyone with the events before --split, then rank them against the number of "
        + "distinct others who engage them after it (until the file ends, or --until). Compares the score with the raw "
        + "count of interactions received before the split: Spearman's rank correlation, NDCG@100 and NDCG@1000.",
        "Prints a Markdown table and the command that reproduces it."})
final class ValidateCommand implements Callable<Integer> {
  static final String JAR = "java -jar scorer-stream/target/scorer-stream.jar";

  @ArgGroup(exclusive = false, multiplicity = "1")
  InputOptions input;

  @Option(names = "--split", paramLabel = "EPOCH_SECONDS",
      description = "Learn from the events before this time, judge by those after. Default: the median event time of the input "
          + "(for the Higgs file, 1341360000 = 2012-07-04T00:00Z, the day of the announcement, is a natural choice).")
  Long split;

  @Mixin
  ScoringOptions scoring;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    EventSource source = input.source();
    // Whole seconds, like --split, so that the printed command reproduces the run exactly.
    Instant splitAt = split == null ? TemporalSplit.medianEventTime(source).truncatedTo(ChronoUnit.SECONDS) : Instant.ofEpochSecond(split);
    TopologySettings settings = scoring.settings();
    ValidityReport report = PredictiveValidity.measure(
        new TemporalSplit(ScoringOptions.newModel(settings), settings.topics(), splitAt).run(source));
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.table());
    out.println("command: " + JAR + " validate " + String.join(" ", reproducingArguments(splitAt)));
    out.flush();
    return 0;
  }

  /** The split is always written out, so a default taken from the file is pinned down too. */
  private List<String> reproducingArguments(Instant splitAt) {
    List<String> arguments = new ArrayList<>(input.arguments());
    arguments.addAll(List.of("--split", String.valueOf(splitAt.getEpochSecond())));
    arguments.addAll(scoring.arguments());
    return arguments;
  }
}
