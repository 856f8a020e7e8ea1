package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
import io.influence.scorer.demo.BlueskyFeed;
import io.influence.scorer.demo.Demo;
import io.influence.scorer.demo.DemoFeed;
import io.influence.scorer.demo.SimulatedFeed;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole service on embedded Kafka and Schema Registry, fed by a simulated connector. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole service on an embedded Kafka broker and Schema Registry, fed by a simulated connector, until Ctrl-C.",
        "With --feed bluesky, Bluesky's live interactions feed it instead (needs the internet)."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--broker-port", defaultValue = "9092", description = "Port of the embedded Kafka broker (default ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Port of the embedded Schema Registry (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--http-port", defaultValue = "8080", description = "Port of the scorer's HTTP API (default ${DEFAULT-VALUE}).")
  int httpPort;

  /** What feeds the scorer. */
  enum Feed { SIMULATED, BLUESKY }

  @Option(names = "--feed", defaultValue = "simulated", paramLabel = "simulated|bluesky",
      description = "simulated (the simulated connector) or bluesky (Bluesky's public Jetstream, live) (default ${DEFAULT-VALUE}).")
  Feed feed;

  @Option(names = "--events-per-second", defaultValue = "200", description = "Rate of the simulated connector (default ${DEFAULT-VALUE}).")
  double eventsPerSecond;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated connector (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws InterruptedException {
    DemoFeed source = feed == Feed.BLUESKY ? BlueskyFeed.publicJetstream() : new SimulatedFeed(eventsPerSecond, seed);
    Demo demo = Demo.start(brokerPort, registryPort, httpPort, source);
    String api = "http://localhost:" + demo.httpPort();
    String tryUser = source.exampleUserId().map(user -> "curl " + api + "/v1/users/" + user)
        .orElse("curl " + api + "/v1/leaders?limit=5");
    System.out.printf("""

        Influence demo is running: %s.
          Kafka broker      %s
          Schema Registry   %s
          HTTP API          %s
          Web page          %s/

        Try:
          curl %s/health/ready
          %s
          curl -s %s/metrics | grep ^influence_
          curl %s/subjects
          kcat -b %s -t influence-scores -C -o end -c 5 -f '%%k  %%T\\n'

        Ctrl-C stops everything.
        %n""", source.description(), demo.bootstrapServers(), demo.schemaRegistryUrl(), api, api,
        api, tryUser, api, demo.schemaRegistryUrl(), demo.bootstrapServers());
    UntilStopped.await(demo);
    return 0;
  }
}
