package io.influence.scorer.bench;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.SimulatedConnector;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Does anything grow that should not? A scorer fed live simulated traffic at a fixed rate for a long
 * time (30 minutes is the bar), sampled every minute: heap after a full GC, the bytes of its state
 * directory (RocksDB), open file descriptors and threads of the process, and what it scored. The last
 * line compares the mean of the last five samples with the first five after the warm-up. Everything
 * runs in this JVM, the broker and the simulated connector included, so heap, files and threads are
 * theirs too; they are constant parts, the growth is what matters.
 */
public final class SoakBenchmark {
  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
  private static final int WARM_UP_SAMPLES = 2;
  private static final int COMPARED_SAMPLES = 5;

  private SoakBenchmark() {}

  private record Sample(int minute, long heapAfterGc, long stateBytes, long openFiles, int threads, double scored) {}

  /** Arguments: events per second, minutes. */
  public static void main(String[] args) throws Exception {
    double eventsPerSecond = Double.parseDouble(args[0]);
    int minutes = Integer.parseInt(args[1]);
    System.out.printf(Locale.ROOT, "Soak: simulated live traffic at %.0f events/s for %d minutes, a sample a minute%n", eventsPerSecond, minutes);
    System.out.println("| minute | heap after GC (MiB) | state dir (MiB) | open files | threads | events scored |");
    System.out.println("|---|---|---|---|---|---|");
    List<Sample> samples = new ArrayList<>();
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      ScorerConfig config = ServiceBench.freshScorer(stack, "soak", Map.of());
      Path stateDir = config.get(ScorerConfig.STATE_DIR);
      try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
          InteractionPublisher publisher = new InteractionPublisher(config.publisherSettings(false), ServiceBench.eventSerde(config).serializer());
          SimulatedConnector connector = SimulatedConnector.start(publisher, new InteractionSimulator(42, Clock.systemUTC()), eventsPerSecond)) {
        for (int minute = 1; minute <= minutes; minute++) {
          Thread.sleep(SAMPLE_EVERY.toMillis());
          Sample sample = sample(minute, stateDir, scorer.metrics().allOutcomes());
          samples.add(sample);
          System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %d | %d | %,.0f |%n", sample.minute(), mib(sample.heapAfterGc()),
              mib(sample.stateBytes()), sample.openFiles(), sample.threads(), sample.scored());
        }
      }
    }
    if (samples.size() >= WARM_UP_SAMPLES + 2 * COMPARED_SAMPLES) {
      List<Sample> first = samples.subList(WARM_UP_SAMPLES, WARM_UP_SAMPLES + COMPARED_SAMPLES);
      List<Sample> last = samples.subList(samples.size() - COMPARED_SAMPLES, samples.size());
      System.out.printf(Locale.ROOT, "%nmean of minutes %d-%d against %d-%d: heap %.1f -> %.1f MiB, state %.1f -> %.1f MiB, files %.0f -> %.0f, threads %.0f -> %.0f%n",
          first.get(0).minute(), first.get(first.size() - 1).minute(), last.get(0).minute(), last.get(last.size() - 1).minute(),
          mib(mean(first, Sample::heapAfterGc)), mib(mean(last, Sample::heapAfterGc)),
          mib(mean(first, Sample::stateBytes)), mib(mean(last, Sample::stateBytes)),
          mean(first, Sample::openFiles), mean(last, Sample::openFiles),
          mean(first, sample -> (long) sample.threads()), mean(last, sample -> (long) sample.threads()));
    }
    System.out.printf(Locale.ROOT, "machine: %s%n", ServiceBench.machine());
  }

  private static Sample sample(int minute, Path stateDir, double scored) throws IOException {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long state;
    try (Stream<Path> files = Files.walk(stateDir)) {
      state = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
    long openFiles;
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
      openFiles = descriptors.count();
    }
    return new Sample(minute, heap, state, openFiles, ManagementFactory.getThreadMXBean().getThreadCount(), scored);
  }

  private static double mean(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
    return samples.stream().mapToLong(value).average().orElse(Double.NaN);
  }

  private static double mib(double bytes) {
    return bytes / (1024.0 * 1024);
  }
}
