package io.influence.scorer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.EventSource;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.connector.ReplayCounts;
import io.influence.connector.SharedData;
import io.influence.connector.SnapActivityReader;
import io.influence.embedded.EmbeddedKafkaBroker;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.registry.server.EmbeddedSchemaRegistry;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.cli.CliProcess;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.topology.ScoringTopology;
import io.influence.scorer.topology.TopologySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 anything and lose nothing: the first three days of the Higgs file, scored while parts of the
 * stack fail, and at the end, without actor weighting, every user's counts of accepted interactions by
 * type equal those of an uninterrupted recompute of the same events and every score agrees within 1e-9:
 * nothing lost, nothing counted twice (exactly_once_v2 and the changelogs). The failures: a scorer
 * ({@code run}, a process of its own) SIGKILLed at three random points and then the broker ({@code broker},
 * also its own process) SIGKILLed under it; a scorer SIGKILLed and restarted on the stores it flushed; one
 * of two instances SIGKILLed; the registry down for 30 s.
 */
class CrashRecoveryIT {
  private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final Instant UNTIL = Instant.parse("2012-07-04T00:00:00Z");
  private static final String APPLICATION_ID = "crash-recovery";
  private static final String CONNECTOR_TOPICS = "interactions.";
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration REGISTRY_OUTAGE = Duration.ofSeconds(30);

  @Test
  void aScorerKilledThreeTimesAndABrokerKilledOnceLoseNothingAndCountNothingTwice(@TempDir Path directory) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    log.info("Crash points drawn with seed {}", seed);
    int brokerPort = FreePorts.next();
    String bootstrap = "localhost:" + brokerPort;
    List<String> brokerArguments = List.of("broker", "--port", String.valueOf(brokerPort), "--data-dir", directory.resolve("kafka").toString());
    CliProcess broker = CliProcess.start(brokerArguments, Map.of(), directory.resolve("broker-1.log"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        EmbeddedSchemaRegistry registry = awaitRegistry(broker, bootstrap)) {
      ScorerConfig config = scorerConfig(bootstrap, registry.url(), directory.resolve("state"));
      long published = publish(bootstrap, registry, higgs());
      Progress progress = new Progress(admin, published);

      for (int crash = 1; crash <= 3; crash++) {
        double killAt = progress.fraction() + 0.1 + 0.1 * random.nextDouble();
        try (CliProcess scorer = startScorer(config, directory, "run-" + crash)) {
          progress.awaitAtLeast(killAt, scorer);
          scorer.kill();
          log.info("Scorer SIGKILLed at {} of the input", progress.fraction());
        }
      }
      try (CliProcess scorer = startScorer(config, directory, "run-4")) {
        progress.awaitAtLeast(progress.fraction() + 0.1, scorer);
        double killedAt = progress.fraction();
        broker.kill();
        log.info("Broker SIGKILLed at {} of the input", killedAt);
        Thread.sleep(3_000);
        broker = CliProcess.start(brokerArguments, Map.of(), directory.resolve("broker-2.log"));
        progress.awaitAtLeast(1.0, scorer);
        scorer.terminate(Duration.ofSeconds(60));
      }

      exportAndCompareWithRecompute(config, directory);
    } finally {
      broker.close();
    }
  }

  /**
   * Transactional state stores ({@code state.transactional}, on by default): a scorer SIGKILLed mid-stream,
   * whose stores RocksDB has flushed to disk several times by then (a small {@code state.memory} makes
   * it flush often), restarts on them and restores from the changelogs only what it wrote after the last
   * flush, where exactly_once_v2 alone finds the stores open, wipes them and restores all they held; and
   * it still loses nothing.
   */
  @Test
  void aScorerKilledMidStreamRestartsOnTheStoresItFlushed(@TempDir Path directory) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnFreePort();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      long published = publish(broker.bootstrapServers(), registry, higgs());
      ScorerConfig config = scorerConfig(broker.bootstrapServers(), registry.url(), directory.resolve("state"))
          .with(Map.of(ScorerConfig.STATE_MEMORY.key(), "16MiB"));
      try (CliProcess killed = startScorer(config, directory, "killed")) {
        awaitScoresPublished(admin, config, killed, published / 2);
        killed.kill();
      }
      String userChangelog = APPLICATION_ID + "-" + ScoringTopology.USER_INFLUENCE_STORE + "-changelog";
      long userRecordsAtKill = endOffsets(admin, List.of(userChangelog));
      try (ScorerService restarted = ScorerService.start(config, Clock.systemUTC())) {
        awaitQuiet(restarted);
        double restored = restarted.metrics().recordsRestored(ScoringTopology.USER_INFLUENCE_STORE);
        log.info("{} of the {} records of {} restored after the kill", restored, userRecordsAtKill, userChangelog);
        assertThat(restored).isLessThan(userRecordsAtKill / 4.0);
      }
      exportAndCompareWithRecompute(config, directory);
    }
  }

  private static void awaitScoresPublished(Admin admin, ScorerConfig config, CliProcess scorer, long scores) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(ExecutionException.class).until(() -> {
      assertThat(scorer.isAlive()).as(scorer::output).isTrue();
      return endOffsets(admin, List.of(config.get(ScorerConfig.OUTPUT_TOPIC))) >= scores;
    });
  }

  /** The committed end offsets of {@code topics}, summed over their partitions. */
  private static long endOffsets(Admin admin, List<String> topics) throws Exception {
    List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(description -> description.partitions().stream().map(partition -> new TopicPartition(description.name(), partition.partition())))
        .toList();
    return Progress.latest(admin, partitions, IsolationLevel.READ_COMMITTED).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Two instances share the work; one is SIGKILLed mid-stream and the other takes over its partitions
   * once its session expires, with the same result as an uninterrupted run.
   */
  @Test
  void whenOneOfTwoInstancesIsKilledTheOtherTakesOverAndNothingIsLostOrCountedTwice(@TempDir Path directory) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnFreePort();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      Progress progress = new Progress(admin, publish(broker.bootstrapServers(), registry, higgs()));
      ScorerConfig first = scorerConfig(broker.bootstrapServers(), registry.url(), directory.resolve("state-1"));
      ScorerConfig second = scorerConfig(broker.bootstrapServers(), registry.url(), directory.resolve("state-2"));
      try (CliProcess killed = startScorer(first, directory, "killed");
          CliProcess survivor = startScorer(second, directory, "survivor")) {
        progress.awaitAtLeast(0.4, killed);
        killed.kill();
        log.info("One of two instances SIGKILLed at {} of the input", progress.fraction());
        progress.awaitAtLeast(1.0, survivor);
        survivor.terminate(Duration.ofSeconds(60));
      }
      exportAndCompareWithRecompute(scorerConfig(broker.bootstrapServers(), registry.url(), directory.resolve("state-final")), directory);
    }
  }

  /**
   * The registry is down for 30 s while a scorer that has not yet read the schema starts: it retries
   * rather than dead-lettering the records it cannot decode, and once the registry is back it scores
   * them all.
   */
  @Test
  void aRegistryDownForThirtySecondsLosesNothingAndDeadLettersNothing(@TempDir Path directory) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnFreePort()) {
      int registryPort = FreePorts.next();
      EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), registryPort);
      ScorerConfig config = scorerConfig(broker.bootstrapServers(), registry.url(), directory.resolve("state"));
      long published = publish(broker.bootstrapServers(), registry, higgs());
      double deadLetters;
      try (ScorerService first = ScorerService.start(config, Clock.systemUTC())) {
        await().atMost(PATIENCE).until(() -> first.metrics().allOutcomes() >= published / 2.0);
        deadLetters = first.metrics().outcomes(EventOutcome.DLQ);
      }
      registry.close();
      try (ScorerService second = ScorerService.start(config, Clock.systemUTC())) {
        Thread.sleep(REGISTRY_OUTAGE.toMillis());
        assertThat(second.metrics().outcomes(EventOutcome.DLQ)).isZero();
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), registryPort);
        awaitQuiet(second);
        deadLetters += second.metrics().outcomes(EventOutcome.DLQ);
      } finally {
        registry.close();
      }
      assertThat(deadLetters).isZero();
      try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), registryPort)) {
        exportAndCompareWithRecompute(config, directory);
      }
    }
  }

  private static ScorerConfig scorerConfig(String bootstrap, String registryUrl, Path stateDirectory) {
    return ScorerConfig.load(Map.of(
        "bootstrap.servers", bootstrap,
        "schema.registry.url", registryUrl,
        "application.id", APPLICATION_ID,
        "state.dir", stateDirectory.toString(),
        "http.port", String.valueOf(FreePorts.next()),
        "standby.replicas", "0",
        "topic.partitions", "4",
        "scoring.actor.weighting", "false"), Map.of(), Optional.empty());
  }

  /**
   * Exports what a scorer of the group holds once it is quiet, at the last event's time as replay and
   * recompute export, and compares it with an uninterrupted recompute: per-type counts identical and
   * scores within 1e-9, for every user.
   */
  private static void exportAndCompareWithRecompute(ScorerConfig config, Path directory) throws Exception {
    Path streamedScores = directory.resolve("streamed.jsonl");
    Path recomputedScores = directory.resolve("recomputed.jsonl");
    try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
        ScoreExportWriter writer = new ScoreExportWriter(streamedScores)) {
      awaitQuiet(scorer);
      scorer.queries().forEachUser(lastEventMillis(), writer::write);
    }
    TopologySettings scoring = TopologySettings.from(config);
    new Recompute(new InfluenceModel(scoring.parameters(), scoring.minScoreChange()), scoring.topics()).run(higgs(), recomputedScores);

    try {
      assertThat(ScoreComparison.usersWithDifferentEngagements(recomputedScores, streamedScores)).isEmpty();
      ScoreComparison comparison = ScoreComparison.of(recomputedScores, streamedScores);
      assertThat(comparison.users()).isGreaterThan(5_000);
      assertThat(comparison.maxRelativeDifference()).as(comparison.toString()).isLessThan(1e-9);
    } catch (AssertionError e) {
      keepForDiagnosis(directory);
      throw e;
    }
  }

  /** The scorers' and brokers' logs and both exports, out of the temporary directory that JUnit deletes. */
  private static void keepForDiagnosis(Path directory) throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "crash-recovery", String.valueOf(System.currentTimeMillis())));
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, kept.resolve(file.getFileName()));
      }
    }
    log.error("Kept the logs and exports of the failed run in {}", kept.toAbsolutePath());
  }

  private static EventSource higgs() {
    return new SnapActivityReader(SharedData.higgsFile(), UNTIL);
  }

  private static long lastEventMillis() throws Exception {
    try (var events = higgs().events(rejected -> { })) {
      return events.mapToLong(event -> event.getOccurredAt().toEpochMilli()).max().orElseThrow();
    }
  }

  private static EmbeddedSchemaRegistry awaitRegistry(CliProcess broker, String bootstrap) {
    return await().atMost(PATIENCE).ignoreExceptions().until(() -> {
      assertThat(broker.isAlive()).as(broker::output).isTrue();
      return EmbeddedSchemaRegistry.start(bootstrap, 0);
    }, registry -> true);
  }

  private static long publish(String bootstrap, EmbeddedSchemaRegistry registry, EventSource source) throws Exception {
    var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(registry.url()), InteractionEvent.class);
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(bootstrap, 4, (short) 1, true), serde.serializer())) {
      ReplayCounts counts = publisher.publishAll(source, ignored -> { });
      publisher.flush();
      return counts.published();
    }
  }

  private static CliProcess startScorer(ScorerConfig config, Path directory, String name) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("run",
        "--bootstrap-servers", config.get(ScorerConfig.BOOTSTRAP_SERVERS),
        "--schema-registry-url", config.get(ScorerConfig.SCHEMA_REGISTRY_URL).toString(),
        "--application-id", APPLICATION_ID,
        "--state-dir", config.get(ScorerConfig.STATE_DIR).toString(),
        "--http-port", String.valueOf(FreePorts.next())));
    for (String setting : List.of("standby.replicas", "topic.partitions", "scoring.actor.weighting", "state.memory")) {
      arguments.addAll(List.of("--set", setting + "=" + config.describe().get(setting).replaceFirst(" \\(.*\\)$", "")));
    }
    // A killed member holds its partitions until its session expires: 45 s by default, the broker's minimum here.
    arguments.addAll(List.of("--set", "kafka.session.timeout.ms=" + SESSION_TIMEOUT.toMillis()));
    return CliProcess.start(arguments, Map.of(), directory.resolve(name + ".log"));
  }

  /**
   * Waits until {@code scorer} runs, no transaction is open on the application's topics and its group has
   * consumed every record of its sources (the connector topics, and the repartition topics whose backlog
   * a stopped instance leaves behind). Quiet counters are not enough: a SIGKILLed instance's transaction
   * stays open until the broker aborts it, 10 to 20 s later, and nothing written after it can be read
   * until then, so a scorer can sit idle with records still to come.
   */
  private static void awaitQuiet(ScorerService scorer) {
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
        scorer.streams().state() == KafkaStreams.State.RUNNING && Progress.consumedEverything(scorer.config()));
  }

  /** How much of the input the scorer's group has committed, as a share of what was published. */
  private record Progress(Admin admin, long published) {
    double fraction() throws Exception {
      return (double) committedInput(admin) / published;
    }

    void awaitAtLeast(double fraction, CliProcess scorer) {
      double target = Math.min(1.0, fraction);
      // The admin client's calls fail while the broker restarts; they are asked again.
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(ExecutionException.class).until(() -> {
        assertThat(scorer.isAlive()).as(scorer::output).isTrue();
        return fraction() >= target;
      });
    }

    /**
     * Whether no transaction is open on the application's topics and no record of a source topic lies past
     * the group's committed offset. The second is read, not computed: a transaction's commit marker takes
     * an offset, so a partition can end past its committed offset with nothing left to consume.
     */
    static boolean consumedEverything(ScorerConfig config) throws Exception {
      String bootstrap = config.get(ScorerConfig.BOOTSTRAP_SERVERS);
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
          KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
              ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
              // Should a position fall before what Streams purged from a repartition topic, the reader
              // reads from the start rather than skipping to the end and seeing nothing left.
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = admin.listTopics().names().get().stream()
            .filter(topic -> topic.startsWith(CONNECTOR_TOPICS) || topic.startsWith(APPLICATION_ID + "-"))
            .flatMap(topic -> reader.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
            .toList();
        if (!latest(admin, partitions, IsolationLevel.READ_COMMITTED).equals(latest(admin, partitions, IsolationLevel.READ_UNCOMMITTED))) {
          return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
        List<TopicPartition> sources = partitions.stream()
            .filter(partition -> partition.topic().startsWith(CONNECTOR_TOPICS) || partition.topic().endsWith("-repartition"))
            .toList();
        reader.assign(sources);
        sources.forEach(partition -> reader.seek(partition, committed.containsKey(partition) ? committed.get(partition).offset() : 0));
        Map<TopicPartition, Long> ends = reader.endOffsets(sources);
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sources.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
          if (!reader.poll(Duration.ofMillis(500)).isEmpty() || System.nanoTime() > giveUpAt) {
            return false;
          }
        }
        return true;
      }
    }

    /** The end of each partition: past the last record, or for {@code READ_COMMITTED} before the first open transaction's. */
    static Map<TopicPartition, Long> latest(Admin admin, List<TopicPartition> partitions, IsolationLevel isolation) throws Exception {
      Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
      partitions.forEach(partition -> specs.put(partition, OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    }

    private static long committedInput(Admin admin) throws Exception {
      return committed(admin).entrySet().stream()
          .filter(entry -> entry.getKey().topic().startsWith(CONNECTOR_TOPICS))
          .mapToLong(entry -> entry.getValue().offset())
          .sum();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
      offsets.values().removeIf(java.util.Objects::isNull);
      return offsets;
    }
  }
}
