package io.influence.scorer.service;

import io.influence.schema.AccountLink;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import io.influence.scorer.config.HostAndPort;
import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.logging.LoggingSetup;
import io.influence.scorer.metrics.MetricsSetup;
import io.influence.scorer.metrics.RegistryClientMeters;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.StateRestoration;
import io.influence.scorer.query.ApiServerSettings;
import io.influence.scorer.query.HttpApi;
import io.influence.scorer.query.InstanceDirectory;
import io.influence.scorer.query.LeaderboardGatherer;
import io.influence.scorer.query.KeyLocator;
import io.influence.scorer.query.RequestForwarder;
import io.influence.scorer.query.ScoreQueries;
import io.influence.scorer.query.UserRouter;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.SchemaRegistryClient;
import io.influence.scorer.topology.Causes;
import io.influence.scorer.topology.LostStateException;
import io.influence.scorer.topology.ScoringTopology;
import io.influence.scorer.topology.DeadLetteringDeserializationHandler;
import io.influence.scorer.topology.SharedStoreMemory;
import io.influence.scorer.topology.TopologySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running scorer instance: the topology on Kafka Streams, its HTTP API and its metrics. Several
 * instances with the same application id share the partitions between them.
 */
public final class ScorerService implements AutoCloseable {
  /** How long a starting scorer waits for the cluster to answer before it gives up. */
  private static final Duration CLUSTER_PATIENCE = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ScorerService.class);
  private static final Duration DEAD_LETTER_TOPIC_CHECK = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  /** Longer than the dead-letter check, so a new connector topic has its dead-letter topic before it is read. */
  private static final Duration NEW_TOPIC_DISCOVERY = Duration.ofSeconds(30);

  private final ScorerConfig config;
  private final Admin admin;
  private final MetricsSetup metricsSetup;
  private final ScorerMetrics metrics;
  private final KafkaStreams streams;
  private final HttpApi http;
  private final ScoreQueries queries;
  private final ScheduledExecutorService housekeeping;
  /** Why the streams client was shut down from within, if it was. */
  private final AtomicReference<Throwable> fatal;

  private ScorerService(ScorerConfig config, Admin admin, MetricsSetup metricsSetup, ScorerMetrics metrics,
      KafkaStreams streams, HttpApi http, ScoreQueries queries, ScheduledExecutorService housekeeping, AtomicReference<Throwable> fatal) {
    this.config = config;
    this.admin = admin;
    this.metricsSetup = metricsSetup;
    this.metrics = metrics;
    this.streams = streams;
    this.http = http;
    this.queries = queries;
    this.housekeeping = housekeeping;
    this.fatal = fatal;
  }

  /** Starts against the schema registry the configuration names, counting the registry client's requests. */
  public static ScorerService start(ScorerConfig config, Clock clock) {
    MetricsSetup metricsSetup = metricsSetup(config);
    SchemaRegistryClient registry = config.registryClient(new RegistryClientMeters(metricsSetup.registry()));
    return start(config, contractSerdes(registry), metricsSetup, clock);
  }

  /** The contract's Avro serdes in the Confluent wire format, registering schemas under {@code <topic>-value}. */
  public static ScoringTopology.ContractSerdes contractSerdes(SchemaRegistryClient registry) {
    return new ScoringTopology.ContractSerdes(
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class),
        ConfluentAvroSerde.forValues(registry, AccountLink.class),
        ConfluentAvroSerde.forValues(registry, UserScore.class),
        ConfluentAvroSerde.forValues(registry, ErasureRequest.class));
  }

  /** Creates missing topics, starts the streams client and serves HTTP. */
  public static ScorerService start(ScorerConfig config, ScoringTopology.ContractSerdes serdes, Clock clock) {
    return start(config, serdes, metricsSetup(config), clock);
  }

  private static MetricsSetup metricsSetup(ScorerConfig config) {
    return new MetricsSetup(config.get(ScorerConfig.APPLICATION_SERVER).toString(), config.get(ScorerConfig.METRICS_REFRESH));
  }

  private static ScorerService start(ScorerConfig config, ScoringTopology.ContractSerdes serdes, MetricsSetup metricsSetup,
      Clock clock) {
    LoggingSetup.apply(config);
    logBanner(config);
    requireChangelogsForStandbys(config);
    ApiServerSettings apiServer = ApiSecuritySettings.server(config);
    Admin admin = Admin.create(clientProperties(config));
    awaitCluster(admin, config);
    TopicProvisioner topics = new TopicProvisioner(admin, config);
    topics.ensureTableTopics();
    topics.ensureDeadLetterTopics();

    ScorerMetrics metrics = new ScorerMetrics(metricsSetup.registry(), clock);
    TopologySettings settings = TopologySettings.from(config);
    PartitionedLeaderboards leaderboards = new PartitionedLeaderboards();
    Topology topology = new ScoringTopology(settings, serdes, metrics, clock::instant, leaderboards).build();
    log.debug("Topology:\n{}", topology.describe());

    KafkaStreams streams = new KafkaStreams(topology, streamsProperties(config, metrics));
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    streams.setUncaughtExceptionHandler(e -> {
      Optional<LostStateException> lostState = Causes.firstOfType(e, LostStateException.class);
      if (lostState.isPresent()) {
        // A new thread would take the same task and fail the same way: only a fresh start can score it.
        log.error("Stopping the scorer: {}", lostState.get().getMessage());
        fatal.set(lostState.get());
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
      log.error("A stream thread died and is being replaced", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((newState, oldState) -> log.info("Streams state {} -> {}", oldState, newState));
    streams.setGlobalStateRestoreListener(new StateRestoration(metrics));
    metricsSetup.bind(streams);

    ScoreQueries queries = new ScoreQueries(streams, settings.parameters());
    metrics.trackUsers(queries::approximateUserCount);
    // What an instance holds: each grows with the users of the partitions it hosts, so it shrinks as instances are added.
    for (String store : List.of(ScoringTopology.USER_INFLUENCE_STORE, ScoringTopology.PUBLISHED_SCORES_STORE)) {
      metrics.reportUsersHeld(store, () -> queries.approximateEntries(store));
    }
    metrics.reportUsersHeld("leaderboards", () -> OptionalLong.of(leaderboards.size()));
    HostAndPort server = config.get(ScorerConfig.APPLICATION_SERVER);
    KeyLocator locator = new KeyLocator(streams, new HostInfo(server.host(), server.port()));
    RequestForwarder forwarder = ApiSecuritySettings.forwarder(config);
    HttpApi http = HttpApi.start(config.get(ScorerConfig.HTTP_PORT), new HttpApi.Sources(queries,
        new UserRouter(locator.self(), locator::locate, forwarder, locator::localOffsetLag),
        new LeaderboardGatherer(leaderboards, settings.partitions(), locator::otherInstances, forwarder, HttpApi.json()),
        new InstanceDirectory(streams, locator, forwarder, HttpApi.json()),
        streams::state, metricsSetup::scrape, metrics), apiServer);
    streams.start();

    ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "topic-provisioner");
      thread.setDaemon(true);
      return thread;
    });
    housekeeping.scheduleWithFixedDelay(() -> {
      try {
        topics.ensureDeadLetterTopics();
      } catch (RuntimeException e) {
        log.warn("Could not check dead-letter topics: {}", e.getMessage());
      }
    }, DEAD_LETTER_TOPIC_CHECK.toSeconds(), DEAD_LETTER_TOPIC_CHECK.toSeconds(), TimeUnit.SECONDS);
    return new ScorerService(config, admin, metricsSetup, metrics, streams, http, queries, housekeeping, fatal);
  }

  /** Standby replicas are copied from the changelogs, so they cannot be had without. */
  private static void requireChangelogsForStandbys(ScorerConfig config) {
    int standbys = config.get(ScorerConfig.STANDBY_REPLICAS);
    if (!config.get(ScorerConfig.STATE_CHANGELOGS) && standbys > 0) {
      throw new InvalidSettingException(ScorerConfig.STATE_CHANGELOGS.key(), config.sourceOf(ScorerConfig.STATE_CHANGELOGS), "false",
          "standby replicas (standby.replicas=" + standbys + ") are copied from changelogs: give standby.replicas=0 with it");
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public ScorerMetrics metrics() {
    return metrics;
  }

  public ScoreQueries queries() {
    return queries;
  }

  public int httpPort() {
    return http.port();
  }

  public ScorerConfig config() {
    return config;
  }

  /**
   * Waits until the stream has its partitions and processes (RUNNING), so that a source started after
   * it is scored as it publishes rather than in one late burst after the first rebalance.
   *
   * @throws IllegalStateException if it is not RUNNING within {@code patience}, or has stopped
   */
  public void awaitRunning(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (!streams.state().isRunningOrRebalancing() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the scorer is " + streams.state() + ", not RUNNING, after " + patience.toSeconds() + " s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * @throws IllegalStateException if the streams client has stopped of itself (a batch job waiting for
   *     it would otherwise wait forever), with the reason when a stream thread gave one
   */
  public void requireNotStopped() {
    KafkaStreams.State state = streams.state();
    if (!state.isRunningOrRebalancing()) {
      Throwable reason = fatal.get();
      throw new IllegalStateException("the scorer stopped (" + state + ")" + (reason == null ? "" : ": " + reason.getMessage()), reason);
    }
  }

  /** Leaves the group so that partitions move at once rather than after the session timeout. */
  @Override
  public void close() {
    housekeeping.shutdownNow();
    http.close();
    streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
    metricsSetup.close();
    admin.close(Duration.ofSeconds(5));
  }

  /**
   * Fails at once, saying what to do, when the cluster does not answer: otherwise the clients would log
   * a connection failure every second and the topics' creation fail a minute later with a stack trace.
   */
  private static void awaitCluster(Admin admin, ScorerConfig config) {
    String servers = config.get(ScorerConfig.BOOTSTRAP_SERVERS);
    try {
      admin.describeCluster().clusterId().get(CLUSTER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      admin.close(Duration.ZERO);
      throw new ClusterUnreachableException("cannot reach Kafka at " + servers + " (bootstrap.servers, from "
          + config.sourceOf(ScorerConfig.BOOTSTRAP_SERVERS) + ") within " + CLUSTER_PATIENCE.toSeconds()
          + " s: start one (java -jar scorer-stream.jar broker --data-dir DIR) or give --bootstrap-servers", e);
    } catch (InterruptedException e) {
      admin.close(Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new ClusterUnreachableException("interrupted while reaching Kafka at " + servers, e);
    }
  }

  /**
   * The Kafka Streams settings a scorer runs with, counting the records its sources set aside in
   * {@code metrics}; benchmarks give them to the applications they compare it with.
   */
  public static Properties streamsProperties(ScorerConfig config, ScorerMetrics metrics) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(ScorerConfig.APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.get(ScorerConfig.PROCESSING_GUARANTEE) == ScorerConfig.ProcessingGuarantee.EXACTLY_ONCE_V2
            ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(ScorerConfig.COMMIT_INTERVAL).toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(ScorerConfig.STREAM_THREADS));
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.get(ScorerConfig.STANDBY_REPLICAS));
    // Without it exactly_once_v2 cannot tell committed writes from an aborted transaction's in a store a
    // crash left behind, and wipes it: a restart after kill -9 restores all the instance holds.
    props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, config.get(ScorerConfig.STATE_TRANSACTIONAL));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(ScorerConfig.REPLICATION_FACTOR));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(ScorerConfig.STATE_DIR).toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.get(ScorerConfig.APPLICATION_SERVER).toString());
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, config.get(ScorerConfig.METRICS_RECORDING_LEVEL).name());
    // Kafka Streams 4.4 formats a log message for each empty partition every time it asks whether a
    // task may process, whether or not it logs it: 13 % of the stream thread in a profile of the Higgs
    // replay. Not idling skips that. Tasks of one partition (both repartition topics') lose nothing; a
    // task that reads several connector topics processes what it has buffered rather than waiting to
    // fetch the others, so across networks event-time order is only as good as the connectors' (docs/ARCHITECTURE.md).
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    // One produce request at a time per broker. Under exactly_once_v2 the first batch of each
    // transaction to a partition can be refused (CONCURRENT_TRANSACTIONS while the previous commit
    // completes, NOT_LEADER_OR_FOLLOWER on a partition Streams has just created); with five in flight,
    // the batches behind it then arrive with sequences the broker cannot take, and it logs an ERROR
    // (OutOfOrderSequenceException) for each until the first is retried: 35 in one replay of the
    // Higgs file, none with one in flight.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    // The global stores' updaters fail on a bad record as the stream tasks' processors do (Kafka Streams
    // will make it the default). The partition assignor reads a StreamsConfig of its own from the main
    // consumer's settings and warns at every rebalance where the flag is missing there, so it goes there too.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringDeserializationHandler.class);
    props.put(DeadLetteringDeserializationHandler.METRICS_CONFIG, metrics);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SharedStoreMemory.class);
    props.put(SharedStoreMemory.BUDGET_CONFIG, config.get(ScorerConfig.STATE_MEMORY));
    // Connector topics for a new network are found by the input pattern at the next metadata refresh.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), (int) NEW_TOPIC_DISCOVERY.toMillis());
    props.putAll(clientProperties(config));
    return props;
  }

  /** Bootstrap servers and the {@code kafka.*} pass-through settings (security, tuning), last so they win. */
  public static Properties clientProperties(ScorerConfig config) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ScorerConfig.BOOTSTRAP_SERVERS));
    config.kafkaOverrides().forEach(props::put);
    return props;
  }

  private static void logBanner(ScorerConfig config) {
    StringBuilder banner = new StringBuilder("Influence scorer starting with:");
    for (Map.Entry<String, String> setting : config.describe().entrySet()) {
      banner.append("\n  ").append(setting.getKey()).append(" = ").append(setting.getValue());
    }
    log.info(banner.toString());
  }
}
