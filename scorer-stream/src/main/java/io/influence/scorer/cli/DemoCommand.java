package io.influence.scorer.cli;

import io.influence.scorer.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole service on embedded Kafka and Schema Registry, fed by a simulated connector. */
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
  public Integer call() throws InterruptedException {
    Demo demo = Demo.start(brokerPort, registryPort, httpPort, eventsPerSecond, seed);
    String api = "http://localhost:" + demo.httpPort();
    System.out.printf("""

        Influence demo is running: a simulated connector publishes %.0f interactions/s.
          Kafka broker      %s
          Schema Registry   %s
          HTTP API          %s

        Try:
          curl %s/health/ready
          curl %s/v1/users/%s
          curl -s %s/metrics | grep ^influence_
          curl %s/subjects
          kcat -b %s -t influence-scores -C -o end -c 5 -f '%%k  %%T\\n'

        Ctrl-C stops everything.
        %n""", eventsPerSecond, demo.bootstrapServers(), demo.schemaRegistryUrl(), api,
        api, api, demo.celebrityUserId(), api, demo.schemaRegistryUrl(), demo.bootstrapServers());
    RunCommand.awaitShutdown(demo);
    return 0;
  }
}
