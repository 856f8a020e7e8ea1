package io.influence.scorer.bench;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.connector.InteractionPublisher;
import io.influence.scorer.connector.PublisherSettings;
import io.influence.scorer.connector.ReplayCounts;
import io.influence.scorer.connector.SnapActivityReader;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.embedded.FreePorts;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.registry.ConfluentAvroSerde;
import io.influence.scorer.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code metrics.recording.level=debug} costs the scorer: the input is published once to an
 * embedded broker, then scored from the beginning by a fresh scorer (new application id, empty state)
 * per run, alternating info and debug so that drift on a shared machine hits both alike. A run is timed
 * from its first consumed event to the last event's outcome, so start-up and the first rebalance do
 * not count. One info run first warms the JIT and is not counted.
 *
 * <p>Not a test: {@code bench/recording-level.sh} runs it and prints its table.
 */
public final class RecordingLevelBenchmark {
  private static final String[] LEVELS = {"info", "debug"};

  private RecordingLevelBenchmark() {}

  /** Arguments: the SNAP activity file, runs per level. */
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      long events = publish(stack, input);
      System.out.printf(Locale.ROOT, "published %,d events from %s%n", events, input);
      score(stack, "info", events);
      Map<String, List<Double>> rates = Map.of("info", new ArrayList<>(), "debug", new ArrayList<>());
      List<String> rows = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        for (int i = 0; i < LEVELS.length; i++) {
          String level = LEVELS[(run % 2 == 1) ? i : LEVELS.length - 1 - i];
          double seconds = score(stack, level, events);
          double rate = events / seconds;
          rates.get(level).add(rate);
          rows.add(String.format(Locale.ROOT, "| %d | %s | %.1f | %.0f |", run, level, seconds, rate));
          System.out.printf(Locale.ROOT, "run %d %s: %.0f events/s%n", run, level, rate);
        }
      }
      System.out.println();
      System.out.println("| run | recording level | seconds | events/s |");
      System.out.println("|---|---|---|---|");
      rows.forEach(System.out::println);
      double info = median(rates.get("info"));
      double debug = median(rates.get("debug"));
      System.out.println();
      System.out.println("| recording level | median events/s |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| info | %.0f |%n| debug | %.0f |%n", info, debug);
      System.out.printf(Locale.ROOT, "%ndebug/info = %.2f (%+.0f%%)%n", debug / info, (debug / info - 1) * 100);
    }
  }

  private static long publish(EmbeddedStack stack, Path input) throws Exception {
    var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class);
    try (InteractionPublisher publisher = new InteractionPublisher(
        new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, true), serde.serializer())) {
      ReplayCounts counts = publisher.publishAll(new SnapActivityReader(input), progress -> { });
      return counts.published();
    }
  }

  /** Seconds a fresh scorer at {@code level} takes from its first consumed event to the last outcome. */
  private static double score(EmbeddedStack stack, String level, long events) throws Exception {
    ScorerConfig config = ScorerConfig.defaults().with(Map.of(
        ScorerConfig.BOOTSTRAP_SERVERS.key(), stack.bootstrapServers(),
        ScorerConfig.SCHEMA_REGISTRY_URL.key(), stack.schemaRegistryUrl(),
        ScorerConfig.APPLICATION_ID.key(), "recording-level-" + level + "-" + System.nanoTime(),
        ScorerConfig.STATE_DIR.key(), Files.createTempDirectory("recording-level-bench").toString(),
        ScorerConfig.HTTP_PORT.key(), String.valueOf(FreePorts.next()),
        ScorerConfig.STANDBY_REPLICAS.key(), "0",
        ScorerConfig.METRICS_RECORDING_LEVEL.key(), level));
    try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
      ScorerMetrics metrics = scorer.metrics();
      while (metrics.eventsConsumed() == 0) {
        Thread.sleep(5);
      }
      long started = System.nanoTime();
      while (outcomes(metrics) < events) {
        Thread.sleep(20);
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }

  /** Events that have an outcome so far: scored, duplicate, rejected and the others. */
  static long outcomes(ScorerMetrics metrics) {
    long total = 0;
    for (EventOutcome outcome : EventOutcome.values()) {
      total += (long) metrics.outcomes(outcome);
    }
    return total;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
