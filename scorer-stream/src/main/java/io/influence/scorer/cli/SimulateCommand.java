package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.connector.SimulatedConnector;
import io.influence.scorer.service.ScorerService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: the demo's simulated connector on its own, publishing to an existing cluster and registry. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Publish a realistic simulated stream of interactions (several networks, power-law popularity, topics, a few "
        + "celebrities, occasional redeliveries) to interactions.<network>, as a connector would, until stopped."})
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--events-per-second", defaultValue = "200", description = "Rate (default ${DEFAULT-VALUE}).")
  double eventsPerSecond;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated stream (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() throws InterruptedException {
    ScorerConfig config = options.load(System.getenv());
    InteractionPublisher publisher = new InteractionPublisher(config.publisherSettings(false),
        ScorerService.contractSerdes(config.registryClient())
            .events().serializer());
    InteractionSimulator simulator = new InteractionSimulator(seed, Clock.systemUTC());
    SimulatedConnector connector = SimulatedConnector.start(publisher, simulator, eventsPerSecond);
    System.out.printf("Publishing %.0f simulated interactions/s to %s; a popular user: twitter:%s%n",
        eventsPerSecond, config.get(ScorerConfig.BOOTSTRAP_SERVERS), simulator.celebrityAccounts().get(0));
    UntilStopped.await(connector);
    return 0;
  }
}
