package io.influence.scorer.cli;

import io.influence.connector.EventSource;
import io.influence.scorer.replay.Recompute;
import io.influence.scorer.replay.ReplaySummary;
import io.influence.scorer.topology.TopologySettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code recompute}: the model offline over a file, without Kafka, exporting what {@code replay} exports. */
@Command(name = "recompute", mixinStandardHelpOptions = true,
    description = {"Score a file of interactions offline with the same model, without Kafka, and export every user's score.",
        "Prints: events=.. scored=.. dlq=.. duplicates=.. ignored=.. seconds=.. rate=../s"})
final class RecomputeCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false, multiplicity = "1")
  FileOptions file;

  @Spec
  CommandSpec spec;

  @Mixin
  ScoringOptions scoring;

  @Override
  public Integer call() {
    TopologySettings settings = scoring.settings();
    EventSource source = file.source(spec.commandLine());
    ReplaySummary summary = new Recompute(ScoringOptions.newModel(settings), settings.topics()).run(source, file.export);
    System.out.printf("exported %,d users to %s%n", summary.users(), file.export);
    System.out.println(summary.line());
    return summary.isConserved() ? 0 : 1;
  }
}
