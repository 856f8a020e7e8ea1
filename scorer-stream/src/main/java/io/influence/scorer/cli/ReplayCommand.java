package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.config.Setting;
import io.influence.connector.EventSource;
import io.influence.connector.ReplayCounts;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.logging.LoggingSetup;
import io.influence.embedded.FreePorts;
import io.influence.embedded.ScratchDirectory;
import io.influence.scorer.replay.ReplayRunner;
import io.influence.scorer.replay.ReplaySummary;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code replay}: publish a file's interactions as a connector would, score them, export the scores. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Publish a file of interactions (Avro through the registry), score them all, and export every user's score.",
        "Without --bootstrap-servers it runs on an embedded broker and registry; with --publish-only it only publishes.",
        "A batch job, it commits every second and keeps no transactional state stores unless commit.interval or state.transactional is set.",
        "Prints: events=.. scored=.. dlq=.. duplicates=.. ignored=.. seconds=.. rate=../s"})
final class ReplayCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false, multiplicity = "1")
  FileOptions file;

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions options;

  /**
   * A replay is a batch job: nobody waits for a score within milliseconds, so it commits every second
   * instead of every 25 ms. The Higgs replay took 91 s instead of 114 (2026-12-04; at_least_once saved 4 s
   * more, not worth giving up exactly-once for). Nor does it keep transactional state stores: a replay
   * cannot resume after a crash (its application id and state are new each time), and they made the Higgs
   * replay about 7 s slower in 50 (bench/RESULTS.md). Nor changelogs, for the same reason: writing them
   * took 13 % of the Higgs replay's time, and the one instance of a replay never restores from them
   * (a task that starts twice fails it, {@code SingleStartTasks}).
   */
  static final Map<Setting<?>, String> BATCH_DEFAULTS = Map.of(ScorerConfig.COMMIT_INTERVAL, "1s", ScorerConfig.STATE_TRANSACTIONAL, "false",
      ScorerConfig.STATE_CHANGELOGS, "false");

  @Option(names = "--publish-only", description = "Only publish the file to --bootstrap-servers, then exit: score it with a 'run' of its own.")
  boolean publishOnly;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (options.printedSettingsHelp(spec.commandLine().getOut())) {
      return 0;
    }
    EventSource source = file.source(spec.commandLine());
    if (publishOnly) {
      if (options.cluster.bootstrapServers == null) {
        throw new ParameterException(spec.commandLine(), "--publish-only publishes to a cluster of your own: give --bootstrap-servers "
            + "and --schema-registry-url");
      }
      ReplayCounts counts = new ReplayRunner(options.load(System.getenv()), System.out).publish(source);
      System.out.printf("published=%d rejected=%d%n", counts.published(), counts.rejected());
      return 0;
    }
    EmbeddedStack stack = options.cluster.bootstrapServers == null ? EmbeddedStack.startOnFreePorts() : null;
    try (ScratchDirectory state = ScratchDirectory.create("replay-state")) {
      LoggingSetup.expectStateInTempFolder();
      ReplaySummary summary = new ReplayRunner(replayConfig(stack, state), System.out).run(source, file.export);
      System.out.printf("exported %,d users to %s%n", summary.users(), file.export);
      System.out.println(summary.line());
      return summary.isConserved() ? 0 : 1;
    } finally {
      if (stack != null) {
        stack.close();
      }
    }
  }

  /**
   * A fresh application id and a state directory deleted when the replay ends, so a replay never
   * resumes an earlier one's state and leaves none behind; and, where the user set nothing, the
   * settings of a batch job ({@link #BATCH_DEFAULTS}).
   */
  private ScorerConfig replayConfig(EmbeddedStack stack, ScratchDirectory state) {
    ScorerConfig asGiven = options.load(System.getenv());
    Map<String, String> overrides = new HashMap<>();
    BATCH_DEFAULTS.forEach((setting, value) -> {
      if ("default".equals(asGiven.sourceOf(setting))) {
        overrides.put(setting.key(), value);
      }
    });
    overrides.put(ScorerConfig.APPLICATION_ID.key(), "influence-replay-" + System.currentTimeMillis());
    overrides.put(ScorerConfig.STATE_DIR.key(), state.path().toString());
    overrides.put(ScorerConfig.STANDBY_REPLICAS.key(), "0");
    if (options.httpPort == null) {
      overrides.put(ScorerConfig.HTTP_PORT.key(), String.valueOf(FreePorts.next()));
    }
    if (stack != null) {
      overrides.put(ScorerConfig.BOOTSTRAP_SERVERS.key(), stack.bootstrapServers());
      overrides.put(ScorerConfig.SCHEMA_REGISTRY_URL.key(), stack.schemaRegistryUrl());
    }
    return asGiven.with(overrides);
  }
}
