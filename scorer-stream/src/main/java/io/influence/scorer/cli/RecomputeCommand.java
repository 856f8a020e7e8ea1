package io.influence.scorer.cli;

import io.influence.scorer.connector.EventSource;
import io.influence.scorer.replay.Recompute;
import io.influence.scorer.replay.ReplaySummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recompute}: the model offline over a file, without Kafka, exporting what {@code replay} exports. */
@Command(name = "recompute", mixinStandardHelpOptions = true,
    description = {"Score a file of interactions offline with the same model, without Kafka, and export every user's score.",
        "Prints: events=.. scored=.. dlq=.. duplicates=.. ignored=.. seconds=.. rate=../s"})
final class RecomputeCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false, multiplicity = "1")
  InputOptions input;

  @Option(names = "--export", paramLabel = "OUT.jsonl", defaultValue = "scores.jsonl", description = "Where to write one JSON line per user (default ${DEFAULT-VALUE}).")
  Path export;

  @Mixin
  ScoringOptions scoring;

  @Override
  public Integer call() {
    EventSource source = input.source();
    ReplaySummary summary = new Recompute(scoring.newModel()).run(source, export);
    System.out.printf("exported %,d users to %s%n", summary.users(), export);
    System.out.println(summary.line());
    return summary.isConserved() ? 0 : 1;
  }
}
