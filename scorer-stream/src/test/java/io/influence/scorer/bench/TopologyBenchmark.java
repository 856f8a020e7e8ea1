package io.influence.scorer.bench;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.topology.ScoringTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The full topology's performance goals, measured in one session on one embedded broker: the Higgs
 * file is published once, then
 * <ol>
 *   <li><b>throughput</b>: a plain {@code groupByKey().count()} application ({@link PlainCount}; the
 *       yardstick leaves the values as bytes, a second one decodes them from Avro) and the
 *       real scorer each read it from the beginning, fresh (new application id, empty state, the
 *       scorer's own output topic), with the same processing guarantee, commit interval and threads.
 *       With them runs a floor ({@link RequiredRecordsFloor}): only the records and store writes the
 *       issue's requirements force on any scorer, with no model, so that the scorer's gap to the plain
 *       count splits into what no scorer could close and what a better one could; and the same with
 *       the user's day kept in their state, the cheapest layout conceivable. A third floor
 *       ({@link ScorerStateFloor}) makes the scorer's own records and store calls, with no model: what
 *       the scorer's state costs whatever its model.
 *       A run is timed from its first consumed event to its last event counted (plain, floor) or given an
 *       outcome (scorer), so start-up and the first rebalance do not count. Each round runs every
 *       application once, the order reversed every other round so that warm-up and drift hit all
 *       alike, and one scorer run before the first round warms the JIT and is not counted;
 *   <li><b>state</b>: after each scorer run, the serialized keys and values of every store and the
 *       size of the state directory, per user with a score ({@link StoreSizes});
 *   <li><b>latency</b>: the Higgs events again, live, at half the scorer's median rate, into a fresh
 *       scorer ({@link LiveLatency}).
 * </ol>
 *
 * <p>Not a test: {@code bench/topology.sh} runs it and prints its tables ({@code PROFILE_DIR=dir
 * bench/topology.sh} also profiles each counted run, {@link CpuProfile}).
 */
public final class TopologyBenchmark {
  static final Duration LATENCY_WARM_UP = Duration.ofSeconds(20);
  static final Duration LATENCY_MEASURED = Duration.ofSeconds(60);
  private static final String PLAIN = "plain count";
  private static final String PLAIN_DECODING = "plain count, Avro values decoded";
  private static final String FLOOR = "floor: the required records, no model";
  private static final String FLOOR_DAY_IN_USER = "floor, the day in the user's state";
  private static final String STATE_FLOOR = "the scorer's records and stores, no model";
  private static final String SCORER = "scorer";

  /** The applications compared, in the order of odd rounds. */
  private static final List<String> APPS = List.of(PLAIN, PLAIN_DECODING, FLOOR, FLOOR_DAY_IN_USER, STATE_FLOOR, SCORER);

  private TopologyBenchmark() {}

  private record Run(int round, String app, double seconds, double rate, StoreSizes state) {}

  /** Arguments: the SNAP activity file, rounds, and optionally the commit interval (e.g. 100ms; default: the service's). */
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Map<String, String> common = ServiceBench.scorerSettings(args, 2);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      long events = ServiceBench.publish(stack, input);
      ScorerConfig reference = ServiceBench.freshScorer(stack, "reference", common);
      System.out.printf(Locale.ROOT, "published %,d events from %s; %s, commit interval %s, %d stream thread(s)%n", events, input,
          reference.get(ScorerConfig.PROCESSING_GUARANTEE), reference.get(ScorerConfig.COMMIT_INTERVAL),
          reference.get(ScorerConfig.STREAM_THREADS));

      Run warmUp = run(stack, reference, common, 0, SCORER, events);
      System.out.printf(Locale.ROOT, "warm-up scorer, not counted: %.0f events/s%n", warmUp.rate());
      List<Run> runs = new ArrayList<>();
      List<String> reversed = new ArrayList<>(APPS);
      Collections.reverse(reversed);
      for (int round = 1; round <= rounds; round++) {
        for (String app : round % 2 == 1 ? APPS : reversed) {
          Run run = run(stack, reference, common, round, app, events);
          runs.add(run);
          System.out.printf(Locale.ROOT, "round %d %s: %.0f events/s%n", round, app, run.rate());
        }
      }
      printThroughput(runs, rounds);
      Run lastScorer = runs.stream().filter(run -> run.app().equals(SCORER)).reduce((first, second) -> second).orElseThrow();
      printState(lastScorer);
      printStatePerRun(runs);

      double rate = median(runs, SCORER) / 2;
      System.out.printf(Locale.ROOT, "%nLatency: the Higgs events live at %.0f events/s (half the scorer's median), %d s warm-up, %d s measured%n",
          rate, LATENCY_WARM_UP.toSeconds(), LATENCY_MEASURED.toSeconds());
      LiveLatency.Result latency = LiveLatency.measure(ServiceBench.freshScorer(stack, "latency", common), input, rate,
          LATENCY_WARM_UP, LATENCY_MEASURED);
      System.out.println(LiveLatency.describe(latency));
      ServiceBench.deleteRecursively(reference.get(ScorerConfig.STATE_DIR));
      System.out.printf(Locale.ROOT, "%nFinished %s; machine: %s%n", Instant.now(), ServiceBench.machine());
    }
  }

  /** One application's run; a counted one is profiled if {@link CpuProfile} is asked for. */
  private static Run run(EmbeddedStack stack, ScorerConfig reference, Map<String, String> common, int round, String app, long events)
      throws IOException, InterruptedException {
    Optional<CpuProfile> profile = round > 0 ? CpuProfile.startIfAsked("round-" + round + "-" + app) : Optional.empty();
    try {
      return measure(stack, reference, common, round, app, events);
    } finally {
      if (profile.isPresent()) {
        profile.get().close();
      }
    }
  }

  private static Run measure(EmbeddedStack stack, ScorerConfig reference, Map<String, String> common, int round, String app, long events)
      throws IOException, InterruptedException {
    if (app.equals(PLAIN) || app.equals(PLAIN_DECODING)) {
      double seconds = PlainCount.secondsToCountAll(reference, events, app.equals(PLAIN_DECODING));
      return new Run(round, app, seconds, events / seconds, null);
    }
    if (app.equals(FLOOR) || app.equals(FLOOR_DAY_IN_USER)) {
      double seconds = RequiredRecordsFloor.secondsToProcessAll(reference, events, app.equals(FLOOR_DAY_IN_USER));
      return new Run(round, app, seconds, events / seconds, null);
    }
    if (app.equals(STATE_FLOOR)) {
      double seconds = ScorerStateFloor.secondsToProcessAll(reference, events);
      return new Run(round, app, seconds, events / seconds, null);
    }
    ScorerConfig config = ServiceBench.freshScorer(stack, app, common);
    double seconds;
    try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
      seconds = ServiceBench.secondsToAllOutcomes(scorer.metrics(), events);
    }
    Path state = config.get(ScorerConfig.STATE_DIR);
    StoreSizes sizes = StoreSizes.of(state);
    ServiceBench.deleteRecursively(state);
    return new Run(round, app, seconds, events / seconds, sizes);
  }

  private static void printThroughput(List<Run> runs, int rounds) {
    System.out.println();
    System.out.println("| round | application | seconds | events/s | ratio to plain count, same round |");
    System.out.println("|---:|---|---:|---:|---:|");
    for (Run run : runs) {
      System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %,.0f | %.2f |%n", run.round(), run.app(), run.seconds(), run.rate(),
          run.rate() / rate(runs, run.round(), PLAIN));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "| application | median events/s over %d rounds | ratio to plain count |%n", rounds);
    System.out.println("|---|---:|---:|");
    double plain = median(runs, PLAIN);
    for (String app : APPS) {
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", app, median(runs, app), median(runs, app) / plain);
    }
    System.out.println();
    System.out.println("| application | to | ratio by medians | by rounds |");
    System.out.println("|---|---|---:|---|");
    for (List<String> ratio : List.of(List.of(STATE_FLOOR, FLOOR), List.of(SCORER, FLOOR), List.of(SCORER, STATE_FLOOR))) {
      String app = ratio.get(0);
      String to = ratio.get(1);
      String byRounds = String.join(", ", IntStream.rangeClosed(1, rounds)
          .mapToObj(round -> String.format(Locale.ROOT, "%.2f", rate(runs, round, app) / rate(runs, round, to))).toList());
      System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %s |%n", app, to, median(runs, app) / median(runs, to), byRounds);
    }
  }

  private static void printState(Run run) {
    StoreSizes state = run.state();
    long users = state.entries(ScoringTopology.USER_INFLUENCE_STORE);
    System.out.printf(Locale.ROOT, "%nState after the Higgs replay (%s, round %d): %,d users with a score (entries of %s), %,d with a published score%n",
        run.app(), run.round(), users, ScoringTopology.USER_INFLUENCE_STORE, state.entries(ScoringTopology.PUBLISHED_SCORES_STORE));
    System.out.println("| store | entries | key bytes | value bytes | bytes per user | share |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    state.stores().entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, StoreSizes.Store> entry) -> entry.getValue().bytes()).reversed())
        .forEach(entry -> {
          StoreSizes.Store store = entry.getValue();
          System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %.0f | %.0f%% |%n", entry.getKey(), store.entries(), store.keyBytes(),
              store.valueBytes(), (double) store.bytes() / users, 100.0 * store.bytes() / state.totalBytes());
        });
    System.out.printf(Locale.ROOT, "| **all stores** | | | %,d | **%.0f** | 100%% |%n", state.totalBytes(), (double) state.totalBytes() / users);
    System.out.printf(Locale.ROOT, "State directory on disk: %,d bytes, **%.0f bytes per user**%n", state.fileBytes(),
        (double) state.fileBytes() / users);
  }

  private static void printStatePerRun(List<Run> runs) {
    System.out.println();
    System.out.println("| round | application | store bytes per user | state directory bytes per user |");
    System.out.println("|---:|---|---:|---:|");
    for (Run run : runs) {
      if (run.state() != null) {
        long users = run.state().entries(ScoringTopology.USER_INFLUENCE_STORE);
        System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f |%n", run.round(), run.app(), (double) run.state().totalBytes() / users,
            (double) run.state().fileBytes() / users);
      }
    }
  }

  private static double rate(List<Run> runs, int round, String app) {
    return runs.stream().filter(run -> run.round() == round && run.app().equals(app)).findFirst().orElseThrow().rate();
  }

  private static double median(List<Run> runs, String app) {
    return ServiceBench.median(runs.stream().filter(run -> run.app().equals(app)).map(Run::rate).toList());
  }
}
