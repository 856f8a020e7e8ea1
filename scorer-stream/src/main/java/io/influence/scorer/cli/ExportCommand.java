package io.influence.scorer.cli;

import io.influence.scorer.replay.ScoresTopicExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: every user's latest published score, read from the output topic, in replay's export format. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write every user's latest score on the output topic as JSON Lines, as replay exports them (without the "
        + "per-type counts, which the topic does not carry), to compare a 'run' with 'recompute'."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--export", paramLabel = "OUT.jsonl", defaultValue = "scores.jsonl", description = "Where to write (default ${DEFAULT-VALUE}).")
  Path export;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() {
    long users = ScoresTopicExport.write(options.load(System.getenv()), export);
    System.out.printf("exported %,d users to %s%n", users, export);
    return 0;
  }
}
