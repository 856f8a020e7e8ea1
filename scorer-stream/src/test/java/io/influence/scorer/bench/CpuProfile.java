package io.influence.scorer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import one.profiler.AsyncProfiler;

/**
 * A CPU profile of one benchmark run: every thread, native frames included. JFR's sampler takes only a
 * few threads per period and misses time spent in native code, so it put RocksDB at a tenth of the
 * stream thread where async-profiler finds two fifths.
 *
 * <p>On when the system property {@value #DIRECTORY_PROPERTY} names a directory ({@code PROFILE_DIR=dir
 * bench/topology.sh} sets it). Each run profiled then leaves there {@code <run>.collapsed} (a line per
 * distinct stack, its thread first, then the sample count) and {@code <run>.html} (a flame graph), and
 * prints where the time of its stream threads went.
 */
final class CpuProfile implements AutoCloseable {
  static final String DIRECTORY_PROPERTY = "bench.profile.dir";
  private static final String START = "start,event=cpu,interval=2ms,threads";

  /** What the summary splits a stream thread's samples by; a sample counts for every part its stack passes through. */
  private static final Map<String, Predicate<String>> PARTS = parts();

  private final AsyncProfiler profiler;
  private final Path directory;
  private final String run;

  private CpuProfile(AsyncProfiler profiler, Path directory, String run) {
    this.profiler = profiler;
    this.directory = directory;
    this.run = run;
  }

  /** Starts profiling the whole JVM if {@value #DIRECTORY_PROPERTY} is set; {@code run} names the files. */
  static Optional<CpuProfile> startIfAsked(String run) throws IOException {
    String directory = System.getProperty(DIRECTORY_PROPERTY, "");
    if (directory.isBlank()) {
      return Optional.empty();
    }
    Files.createDirectories(Path.of(directory));
    AsyncProfiler profiler = AsyncProfiler.getInstance();
    profiler.execute(START);
    return Optional.of(new CpuProfile(profiler, Path.of(directory), run.replaceAll("[^A-Za-z0-9.-]+", "-")));
  }

  /** Stops, writes the two files and prints the stream threads' summary. */
  @Override
  public void close() throws IOException {
    Path collapsed = directory.resolve(run + ".collapsed");
    profiler.execute("stop,collapsed,file=" + collapsed);
    profiler.execute("dump,flamegraph,file=" + directory.resolve(run + ".html"));
    System.out.println(summary(Files.readAllLines(collapsed)));
  }

  /** The samples of threads named {@code ...StreamThread-<n>} (not the global one), by part. */
  static String summary(List<String> collapsedLines) {
    long total = 0;
    Map<String, Long> byPart = new LinkedHashMap<>();
    PARTS.keySet().forEach(part -> byPart.put(part, 0L));
    for (String line : collapsedLines) {
      int count = line.lastIndexOf(' ');
      String stack = line.substring(0, count);
      String thread = stack.substring(0, Math.max(stack.indexOf(';'), 0));
      if (!thread.matches("\\[.*-StreamThread-\\d+ tid=\\d+]")) {
        continue;
      }
      long samples = Long.parseLong(line.substring(count + 1));
      total += samples;
      PARTS.forEach((part, inStack) -> {
        if (inStack.test(stack)) {
          byPart.merge(part, samples, Long::sum);
        }
      });
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "CPU profile: %,d samples of 2 ms in stream threads (%.1f s on CPU)%n| part of the stream threads' time | share |%n|---|---:|%n",
        total, total * 0.002));
    for (Map.Entry<String, Long> part : byPart.entrySet()) {
      summary.append(String.format(Locale.ROOT, "| %s | %.0f %% |%n", part.getKey(), 100.0 * part.getValue() / Math.max(total, 1)));
    }
    return summary.toString();
  }

  private static Map<String, Predicate<String>> parts() {
    Map<String, Predicate<String>> parts = new LinkedHashMap<>();
    parts.put("processing records (StreamTask.process)", stack -> stack.contains("StreamTask.process"));
    parts.put("punctuations", stack -> stack.contains("TaskExecutor.punctuate"));
    parts.put("commits", stack -> stack.contains("TaskManager.commit"));
    parts.put("RocksDB, native code", stack -> stack.contains(";Java_org_rocksdb_"));
    parts.put("producing records (KafkaProducer.send)", stack -> stack.contains("KafkaProducer.send"));
    parts.put("the model (scorer.model)", stack -> stack.contains("io/influence/scorer/model/"));
    parts.put("store and topic formats (scorer.serde, scorer.registry)",
        stack -> stack.contains("io/influence/scorer/serde/") || stack.contains("io/influence/registry/"));
    return parts;
  }
}
