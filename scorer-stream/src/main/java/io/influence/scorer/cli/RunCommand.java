package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.service.ScorerService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: one scorer instance against an existing Kafka cluster and Schema Registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Score interactions from an existing Kafka cluster and Schema Registry, and serve HTTP.",
        "Instances with the same --application-id share the partitions.",
        "Every setting can be given with --set KEY=VALUE, as a SCORER_* environment variable or in --config FILE:",
        "--help-settings lists them all."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (options.printedSettingsHelp(spec.commandLine().getOut())) {
      return 0;
    }
    ScorerConfig config = options.load(System.getenv());
    if (!config.get(ScorerConfig.STATE_CHANGELOGS)) {
      // Partitions move between the instances of a group, and only changelogs carry their state along.
      throw new InvalidSettingException(ScorerConfig.STATE_CHANGELOGS.key(), config.sourceOf(ScorerConfig.STATE_CHANGELOGS), "false",
          "'run' keeps changelogs, without which a partition that moves loses its state: false is for replays");
    }
    ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
    UntilStopped.await(scorer);
    return 0;
  }
}
