package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
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
    ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
    UntilStopped.await(scorer);
    return 0;
  }
}
