package io.influence.scorer.bench;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Event→score latency alone, at a rate the caller chooses, for tuning {@code commit.interval} without
 * the throughput rounds of {@link TopologyBenchmark}: one embedded broker and registry, then
 * {@link LiveLatency} into a fresh scorer, {@code repeats} times, each with its own scorer. A first run,
 * not counted, warms the JIT and creates the input topic: a scorer started before the topic exists
 * finds it only at its next metadata refresh, and its first events wait that long.
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  /** Arguments: the SNAP activity file, events per second, repeats, and optionally the commit interval (default: the service's). */
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    double eventsPerSecond = Double.parseDouble(args[1]);
    int repeats = Integer.parseInt(args[2]);
    Map<String, String> settings = ServiceBench.scorerSettings(args, 3);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      for (int repeat = 0; repeat <= repeats; repeat++) {
        ScorerConfig config = ServiceBench.freshScorer(stack, "latency", settings);
        System.out.printf(Locale.ROOT, "%n%s: the Higgs events live at %.0f events/s, commit interval %s, %d s warm-up, %d s measured%n",
            repeat == 0 ? "warm-up, not counted" : "run " + repeat, eventsPerSecond, config.get(ScorerConfig.COMMIT_INTERVAL),
            TopologyBenchmark.LATENCY_WARM_UP.toSeconds(), TopologyBenchmark.LATENCY_MEASURED.toSeconds());
        LiveLatency.Result latency = LiveLatency.measure(config, input, eventsPerSecond, TopologyBenchmark.LATENCY_WARM_UP,
            TopologyBenchmark.LATENCY_MEASURED);
        System.out.println(LiveLatency.describe(latency));
      }
      System.out.printf(Locale.ROOT, "%nmachine: %s%n", ServiceBench.machine());
    }
  }
}
