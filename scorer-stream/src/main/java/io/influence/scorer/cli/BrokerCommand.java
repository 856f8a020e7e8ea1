package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
import io.influence.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code broker}: the single-node KRaft broker that {@code demo} embeds, as a process of its own with a
 * data directory that outlives it, so that the pieces of the stack can run, fail and restart apart
 * without Docker. Not a production cluster: one node, replication factor 1.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run a single-node KRaft Kafka broker (broker and controller in one process) until stopped.",
        "Its data directory is formatted on first use and reused afterwards, with the same cluster id, topics and "
        + "offsets."})
final class BrokerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT", description = "Port clients connect to (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Where the broker keeps its logs and metadata.")
  Path dataDirectory;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(port, dataDirectory);
    System.out.printf("Kafka broker at %s, cluster %s, data in %s%n", broker.bootstrapServers(), broker.clusterId(),
        dataDirectory.toAbsolutePath());
    UntilStopped.await(broker);
    return 0;
  }
}
