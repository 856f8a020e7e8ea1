package io.influence.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process), started in this JVM
 * from the main Kafka jars. It backs {@code demo}, {@code replay} and the integration tests; production
 * runs against an external cluster.
 *
 * <p>Kafka's own test kit is not used because Kafka 4.4.0 publishes no test jars.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int NODE_ID = 1;
  /** What formatting writes into a log directory; a directory without it has never been formatted. */
  private static final String FORMATTED_MARKER = "meta.properties";

  private final Path dataDirectory;
  /** The data directory when it is this broker's alone, deleted on close; empty for a persistent one. */
  private final Optional<ScratchDirectory> scratch;
  private final int brokerPort;
  private final KafkaRaftServer server;

  private EmbeddedKafkaBroker(Path dataDirectory, Optional<ScratchDirectory> scratch, int brokerPort, KafkaRaftServer server) {
    this.dataDirectory = dataDirectory;
    this.scratch = scratch;
    this.brokerPort = brokerPort;
    this.server = server;
  }

  /** Starts a broker on a free port with a fresh data directory that is deleted on close. */
  public static EmbeddedKafkaBroker startOnFreePort() {
    return start(0);
  }

  /**
   * Starts a broker on {@code brokerPort} (0 picks a free one) with a fresh data directory that is
   * deleted on close.
   */
  public static EmbeddedKafkaBroker start(int brokerPort) {
    return startOnScratch(brokerPort, Optional.empty());
  }

  /**
   * Starts a broker on a free port whose clients must use SASL_SSL as {@code listener} says, with a
   * fresh data directory that is deleted on close.
   */
  public static EmbeddedKafkaBroker startSecured(SaslSslListener listener) {
    return startOnScratch(0, Optional.of(listener));
  }

  /**
   * Starts a broker on {@code port} that keeps its data in {@code dataDirectory} across restarts: the
   * directory is formatted with a new cluster id only when it holds no formatted storage yet, and a
   * later start on the same directory is the same cluster, with its topics, offsets and transactions.
   */
  public static EmbeddedKafkaBroker startPersistent(int port, Path dataDirectory) {
    return start(port, dataDirectory, Optional.empty(), Optional.empty());
  }

  private static EmbeddedKafkaBroker startOnScratch(int brokerPort, Optional<SaslSslListener> secured) {
    ScratchDirectory scratch = ScratchDirectory.create("kafka");
    try {
      return start(brokerPort, scratch.path(), Optional.of(scratch), secured);
    } catch (RuntimeException e) {
      scratch.close();
      throw e;
    }
  }

  private static EmbeddedKafkaBroker start(int requestedPort, Path dataDirectory, Optional<ScratchDirectory> scratch,
      Optional<SaslSslListener> secured) {
    int brokerPort = requestedPort == 0 ? FreePorts.next() : requestedPort;
    int controllerPort = FreePorts.next();
    long started = System.nanoTime();
    Properties props = brokerProperties(dataDirectory, brokerPort, controllerPort, secured);
    KafkaConfig config = new KafkaConfig(props);
    if (!Files.exists(dataDirectory.resolve(FORMATTED_MARKER))) {
      format(dataDirectory, secured);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    log.info("Embedded Kafka broker on {}://localhost:{} started in {} ms (data in {})", secured.isPresent() ? "SASL_SSL" : "PLAINTEXT",
        brokerPort, (System.nanoTime() - started) / 1_000_000, dataDirectory);
    return new EmbeddedKafkaBroker(dataDirectory, scratch, brokerPort, server);
  }

  public String bootstrapServers() {
    return "localhost:" + brokerPort;
  }

  public int port() {
    return brokerPort;
  }

  /** The cluster id in the data directory's {@code meta.properties}, the same across restarts. */
  public String clusterId() {
    try (var reader = Files.newBufferedReader(dataDirectory.resolve(FORMATTED_MARKER))) {
      Properties meta = new Properties();
      meta.load(reader);
      return meta.getProperty("cluster.id");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster id in " + dataDirectory, e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    scratch.ifPresent(ScratchDirectory::close);
    log.info("Embedded Kafka broker on localhost:{} stopped", brokerPort);
  }

  private static Properties brokerProperties(Path dataDirectory, int brokerPort, int controllerPort, Optional<SaslSslListener> secured) {
    Properties props = new Properties();
    String listener = secured.isPresent() ? "SASL_SSL" : "PLAINTEXT";
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("listeners", listener + "://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
    props.put("advertised.listeners", listener + "://localhost:" + brokerPort);
    // The controller listener is bound to localhost and used only by this process itself.
    props.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", listener);
    secured.ifPresent(sasl -> sasl.addBrokerSettings(props, listener));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    props.put("log.dirs", dataDirectory.toString());
    // A single node can hold one replica of everything, including the internal topics.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "4");
    // Replays publish records stamped years ago; time retention must not delete them on arrival.
    props.put("log.retention.ms", "-1");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return props;
  }

  private static void format(Path dataDirectory, Optional<SaslSslListener> secured) {
    try {
      new Formatter()
          .setScramArguments(secured.map(SaslSslListener::scramArguments).orElse(List.of()))
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dataDirectory.toString()))
          .setMetadataLogDirectory(dataDirectory.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the embedded broker's storage in " + dataDirectory, e);
    }
  }
}
