package io.influence.scorer.bench;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
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
 * not count. One info run first warms the JIT and is not counted. Each run writes its own output topic,
 * so none restores or weighs actors by an earlier run's scores.
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
      long events = ServiceBench.publish(stack, input);
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
      double info = ServiceBench.median(rates.get("info"));
      double debug = ServiceBench.median(rates.get("debug"));
      System.out.println();
      System.out.println("| recording level | median events/s |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| info | %.0f |%n| debug | %.0f |%n", info, debug);
      System.out.printf(Locale.ROOT, "%ndebug/info = %.2f (%+.0f%%)%n", debug / info, (debug / info - 1) * 100);
    }
  }

  /** Seconds a fresh scorer at {@code level} takes from its first consumed event to the last outcome. */
  private static double score(EmbeddedStack stack, String level, long events) throws Exception {
    ScorerConfig config = ServiceBench.freshScorer(stack, "recording-level-" + level,
        Map.of(ScorerConfig.METRICS_RECORDING_LEVEL.key(), level));
    try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
      return ServiceBench.secondsToAllOutcomes(scorer.metrics(), events);
    }
  }
}
