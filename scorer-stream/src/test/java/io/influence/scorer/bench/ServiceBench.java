package io.influence.scorer.bench;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.connector.ReplayCounts;
import io.influence.connector.SnapActivityReader;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.embedded.ScratchDirectory;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.service.TopicProvisioner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * What the whole-service benchmarks share: the input published once to an embedded broker, a fresh
 * scorer configuration per run, and the stopwatch that times a run from its first consumed event to
 * its last.
 */
final class ServiceBench {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Every run's state directory is made under this one, deleted when the benchmark's JVM exits: a run
   * that stops on an exception, or a benchmark that keeps its state to the end, leaves nothing in /tmp.
   */
  private static final ScratchDirectory STATE_ROOT = ScratchDirectory.create("bench-state");

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(STATE_ROOT::close, "bench-state-cleanup"));
  }

  private ServiceBench() {}

  /**
   * The scorer settings a benchmark compares under: the commit interval an optional argument names (blank
   * or absent: the service's default), and any {@code key=value} pairs, comma-separated, of the system
   * property {@code bench.settings} (set from {@code BENCH_SETTINGS} by service-benchmark.sh).
   */
  static Map<String, String> scorerSettings(String[] args, int index) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (args.length > index && !args[index].isBlank()) {
      settings.put(ScorerConfig.COMMIT_INTERVAL.key(), args[index]);
    }
    for (String pair : System.getProperty("bench.settings", "").split(",")) {
      if (!pair.isBlank()) {
        String[] keyAndValue = pair.split("=", 2);
        if (keyAndValue.length != 2) {
          throw new IllegalArgumentException("bench.settings: expected key=value, got " + pair);
        }
        settings.put(keyAndValue[0].strip(), keyAndValue[1].strip());
      }
    }
    return settings;
  }

  /** Publishes a SNAP activity file as the replay does (Avro through the registry, 4 partitions) and returns the events published. */
  static long publish(EmbeddedStack stack, Path input) throws IOException {
    var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class);
    try (InteractionPublisher publisher = new InteractionPublisher(
        new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, true), serde.serializer())) {
      ReplayCounts counts = publisher.publishAll(new SnapActivityReader(input), progress -> { });
      return counts.published();
    }
  }

  /** The connectors' events decoded from Avro through the registry the scorer uses. */
  static ConfluentAvroSerde<InteractionEvent> eventSerde(ScorerConfig scorer) {
    return ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(scorer.get(ScorerConfig.SCHEMA_REGISTRY_URL).toString()),
        InteractionEvent.class);
  }

  /**
   * A scorer that starts from nothing: a new application id, an empty state directory, and its own
   * output topic, so that it neither restores nor weighs actors by the scores of earlier runs.
   *
   * @param name names the run in its application id and output topic
   * @param overrides further settings, such as {@code kafka.*} pass-through ones
   */
  static ScorerConfig freshScorer(EmbeddedStack stack, String name, Map<String, String> overrides) throws IOException {
    String run = name + "-" + System.nanoTime();
    Map<String, String> settings = new HashMap<>(overrides);
    settings.put(ScorerConfig.APPLICATION_ID.key(), run);
    settings.put(ScorerConfig.OUTPUT_TOPIC.key(), "influence-scores-" + run);
    return stack.scorerConfig(stateDirectory(name), FreePorts.next()).with(settings);
  }

  /** Seconds from the first event a scorer consumes to the moment every one of {@code events} has an outcome. */
  static double secondsToAllOutcomes(ScorerMetrics metrics, long events) throws InterruptedException {
    return secondsFromFirstToLast(() -> (long) metrics.eventsConsumed(), () -> (long) metrics.allOutcomes(), events);
  }

  /**
   * Seconds a fresh Kafka Streams application (its own application id and state directory, the
   * scorer's Streams settings otherwise: guarantee, commit interval, threads...) takes from the first
   * of {@code events} it processes to the last, as {@code processed} counts them.
   */
  static double secondsToRun(ScorerConfig scorer, String applicationId, Topology topology, LongAdder processed, long events)
      throws IOException, InterruptedException {
    Path state = stateDirectory(applicationId);
    Properties props = ScorerService.streamsProperties(scorer, new ScorerMetrics(new SimpleMeterRegistry()));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      try {
        return secondsFromFirstToLast(processed::sum, processed::sum, events);
      } finally {
        streams.close(CLOSE_TIMEOUT);
      }
    } finally {
      deleteRecursively(state);
    }
  }

  /**
   * Seconds a fresh floor application takes from its first event processed to the last of {@code events}:
   * named {@code <prefix>-<nanos>}, with its own output topic created as the scorer's table topics are,
   * and the topology {@code topology} builds from that configuration and the counter it moves per event.
   */
  static double secondsToRunFloor(ScorerConfig scorer, String prefix, BiFunction<ScorerConfig, LongAdder, Topology> topology, long events)
      throws IOException, InterruptedException {
    LongAdder processed = new LongAdder();
    String name = prefix + "-" + System.nanoTime();
    ScorerConfig floor = scorer.with(Map.of(ScorerConfig.OUTPUT_TOPIC.key(), name + "-scores"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, scorer.get(ScorerConfig.BOOTSTRAP_SERVERS)))) {
      new TopicProvisioner(admin, floor).ensureTableTopics();
    }
    return secondsToRun(floor, name, topology.apply(floor, processed), processed, events);
  }

  /** Seconds from the moment {@code started} leaves 0 to the moment {@code finished} reaches {@code events}. */
  static double secondsFromFirstToLast(LongSupplier started, LongSupplier finished, long events) throws InterruptedException {
    while (started.getAsLong() == 0) {
      Thread.sleep(5);
    }
    long start = System.nanoTime();
    while (finished.getAsLong() < events) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The machine line every benchmark table starts with. */
  static String machine() throws IOException {
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    return String.format("%d cores, load average %s at the end, Java %s (%s)", Runtime.getRuntime().availableProcessors(), load,
        System.getProperty("java.version"), System.getProperty("java.vm.name"));
  }

  /** A new, empty state directory for the run {@code name}, removed at exit if not before. */
  static Path stateDirectory(String name) throws IOException {
    return Files.createTempDirectory(STATE_ROOT.path(), name + "-state");
  }

  /** Removes a run's state directory, so that a session does not leave gigabytes in /tmp. */
  static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
