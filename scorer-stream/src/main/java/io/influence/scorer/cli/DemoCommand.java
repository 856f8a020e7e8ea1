package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.connector.InteractionPublisher;
import io.influence.scorer.connector.InteractionSimulator;
import io.influence.scorer.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: everything on one machine with nothing installed: an embedded broker and registry, a
 * synthetic connector publishing a realistic stream, the scorer and its HTTP API.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole service on an embedded Kafka broker and Schema Registry, fed by a simulated connector, until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--broker-port", defaultValue = "9092", description = "Port of the embedded Kafka broker (default ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Port of the embedded Schema Registry (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--http-port", defaultValue = "8080", description = "Port of the scorer's HTTP API (default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--events-per-second", defaultValue = "200", description = "Rate of the simulated connector (default ${DEFAULT-VALUE}).")
  double eventsPerSecond;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated connector (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    EmbeddedStack stack = EmbeddedStack.start(brokerPort, registryPort);
    ScorerConfig config = ScorerConfig.defaults().with(Map.of(
        ScorerConfig.BOOTSTRAP_SERVERS.key(), stack.bootstrapServers(),
        ScorerConfig.SCHEMA_REGISTRY_URL.key(), stack.schemaRegistryUrl(),
        ScorerConfig.HTTP_PORT.key(), String.valueOf(httpPort),
        ScorerConfig.STATE_DIR.key(), Files.createTempDirectory("influence-demo-state").toString(),
        ScorerConfig.STANDBY_REPLICAS.key(), "0"));

    InteractionSimulator simulator = new InteractionSimulator(seed, Clock.systemUTC());
    var serde = ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).events();
    InteractionPublisher publisher = new InteractionPublisher(
        new PublisherSettings(stack.bootstrapServers(), config.get(ScorerConfig.TOPIC_PARTITIONS), (short) 1, false),
        serde.serializer());
    // The connector topics exist before the scorer subscribes, so its pattern finds them at once.
    InteractionSimulator.NETWORKS.forEach(publisher::ensureTopic);
    ScorerService scorer = ScorerService.start(config, Clock.systemUTC());

    AtomicBoolean stopping = new AtomicBoolean();
    Thread connector = new Thread(() -> publisher.runSimulator(simulator, eventsPerSecond, stopping::get), "simulated-connector");
    connector.start();
    printWelcome(simulator, stack);

    RunCommand.awaitShutdown(() -> {
      stopping.set(true);
      connector.join();
      publisher.close();
      scorer.close();
      stack.close();
    });
    return 0;
  }

  private void printWelcome(InteractionSimulator simulator, EmbeddedStack stack) {
    String celebrity = "twitter:" + simulator.celebrityAccounts().get(0);
    String api = "http://localhost:" + httpPort;
    System.out.printf("""

        Influence demo is running: a simulated connector publishes %.0f interactions/s.
          Kafka broker      %s
          Schema Registry   %s
          HTTP API          %s

        Try:
          curl %s/health/ready
          curl %s/v1/users/%s
          curl -s %s/metrics | grep influence_
          kcat -b %s -t influence-scores -C -s value=avro -r %s -o -5 -e

        Ctrl-C stops everything.
        %n""", eventsPerSecond, stack.bootstrapServers(), stack.schemaRegistryUrl(), api,
        api, api, celebrity, api, stack.bootstrapServers(), stack.schemaRegistryUrl());
  }
}
