package io.influence.scorer.cli;

import io.influence.scorer.config.Parsers;
import io.influence.connector.EventSource;
import io.influence.scorer.topology.TopologySettings;
import io.influence.scorer.validation.PredictiveValidity;
import io.influence.scorer.validation.TemporalSplit;
import io.influence.scorer.validation.ValidityReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate}: does the score foretell who gets engaged, better than anything simpler? */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Predictive validity: does the score foretell who gets engaged after --split better than simple counts do?",
        "Scores everyone with the events before --split, then ranks the users engaged in the 90 days "
        + "before it against the number of distinct others who engage them after it (until --horizon, or the end of the input). "
        + "Compares the score with simple baselines (counts, distinct actors, decayed counts, PageRank): Spearman's rank "
        + "correlation, NDCG@100 and NDCG@1000, and a paired bootstrap interval of the score minus the best baseline.",
        "Prints Markdown tables and the command that reproduces them, or JSON with --json."})
final class ValidateCommand implements Callable<Integer> {
  static final String JAR = "java -jar scorer-stream/target/scorer-stream.jar";

  @ArgGroup(exclusive = false, multiplicity = "1")
  InputOptions input;

  @Option(names = "--split", paramLabel = "TIME", converter = SplitConverter.class,
      description = "Learn from the events before this time, judge by those after: epoch seconds, a date (2013-07-01, "
          + "midnight UTC) or an instant (2012-07-04T00:00:00Z). Default: the median event time of the input.")
  Instant split;

  @Option(names = "--horizon", paramLabel = "DURATION", converter = HorizonConverter.class,
      description = "How long after the split the ground truth runs, e.g. 90d. Default: until the input ends.")
  Duration horizon;

  @Option(names = "--bootstrap", paramLabel = "RESAMPLES", defaultValue = "1000",
      description = "Resamples of the users for the intervals (default ${DEFAULT-VALUE}; 0 for none).")
  int resamples;

  @Option(names = "--json", description = "Print the report as JSON, for scripts.")
  boolean json;

  @Mixin
  ScoringOptions scoring;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (resamples < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be 0 or more, got " + resamples);
    }
    EventSource source = input.source(spec.commandLine());
    // Whole seconds, like --split, so that the printed command reproduces the run exactly.
    Instant splitAt = split == null ? TemporalSplit.medianEventTime(source).truncatedTo(ChronoUnit.SECONDS) : split;
    TopologySettings settings = scoring.settings();
    ValidityReport report = PredictiveValidity.measure(
        new TemporalSplit(ScoringOptions.newModel(settings), settings.topics(), splitAt, Optional.ofNullable(horizon)).run(source),
        resamples);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(report.json());
    } else {
      out.println(report.table());
      out.println("command: " + JAR + " validate " + String.join(" ", reproducingArguments(splitAt)));
    }
    out.flush();
    return 0;
  }

  /** The split is always written out, so a default taken from the file is pinned down too. */
  private List<String> reproducingArguments(Instant splitAt) {
    List<String> arguments = new ArrayList<>(input.arguments());
    arguments.addAll(List.of("--split", String.valueOf(splitAt.getEpochSecond())));
    if (horizon != null) {
      arguments.addAll(List.of("--horizon", horizon.toMillis() % Duration.ofDays(1).toMillis() == 0 ? horizon.toDays() + "d" : horizon.toString()));
    }
    arguments.addAll(scoring.arguments());
    return arguments;
  }

  /** Epoch seconds, a UTC date, or an ISO instant. */
  static final class SplitConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        if (value.chars().allMatch(Character::isDigit)) {
          return Instant.ofEpochSecond(Long.parseLong(value));
        }
        if (value.length() == "2013-07-01".length()) {
          return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a time: expected epoch seconds, a date such as 2013-07-01 or an instant such as 2012-07-04T00:00:00Z");
      }
    }
  }

  /** A positive duration, as the settings take them: 90d, 36h, P90D. */
  static final class HorizonConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Parsers.positiveDuration().apply(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
      }
    }
  }
}
