package io.influence.scorer.bench;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.connector.SnapActivityReader;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.scorer.query.RoutingHeaders;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The latency of interactive queries under concurrency, local against forwarded, measured in one
 * session: two scorer instances (instance A and B: own state directories and HTTP ports,
 * {@code application.server} set, one standby replica) on an embedded broker score the first events of
 * a SNAP activity file; the users are sorted by the instance that owns them
 * ({@link RoutingHeaders#SERVED_BY}); then wrk asks instance A for random users it owns (local
 * lookups) and for random users B owns (forwarded by A to B), with the same threads, connections and
 * duration, after a warm-up of each. A row per run gives wrk's latency percentiles, requests/s, answers
 * that were not 200 or came from another instance than expected, and the cores this JVM (broker, both
 * instances) used meanwhile and the time its garbage collectors took: wrk, the broker and both
 * instances share the machine's cores. History, the top-100 leaderboard and {@code /health/live} (the
 * HTTP stack alone, a floor for every other query) are measured too, at the first connection count.
 *
 * <p>Not a test: {@code bench/query-latency.sh} runs it and prints its table.
 */
public final class QueryLatencyBenchmark {
  private static final Pattern RESULT = Pattern.compile(
      "RESULT requests=(\\d+) seconds=([\\d.]+) p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) non200=(\\d+) "
          + "other_server=(\\d+) socket_errors=(\\d+)");
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private QueryLatencyBenchmark() {}

  /** What wrk is asked for: which path, with users from which key file, answered by whom. */
  private record Query(String name, String path, Path keys, String servedBy) {}

  /** How wrk runs: threads, connections, duration. */
  private record Load(int threads, int connections, Duration duration) {
    List<String> arguments() {
      return List.of("-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency");
    }
  }

  /** wrk's figures for one run. */
  private record Figures(long requests, double seconds, long p50, long p90, long p99, long max, long non200, long otherServer,
      long socketErrors) {}

  /**
   * Arguments: the SNAP activity file, events to publish, wrk's threads, its connection counts
   * (comma-separated, a pair of runs each), seconds per run, seconds of warm-up per query, the wrk
   * script, a directory for the key files, the wrk executable.
   */
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    long events = Long.parseLong(args[1]);
    int threads = Integer.parseInt(args[2]);
    List<Integer> connections = Arrays.stream(args[3].split(",")).map(String::strip).map(Integer::parseInt).toList();
    Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
    Duration warmUp = Duration.ofSeconds(Long.parseLong(args[5]));
    Path script = Path.of(args[6]);
    Path keyDirectory = Files.createDirectories(Path.of(args[7]));
    String wrk = args[8];

    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class);
      try (InteractionPublisher publisher = new InteractionPublisher(
              new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, true), serde.serializer());
          ScorerService a = startInstance(stack);
          ScorerService b = startInstance(stack)) {
        waitUntil("both instances are ready", () -> ready(a) && ready(b));
        Set<String> users = publish(publisher, input, events);
        System.out.printf(Locale.ROOT, "published %,d events from %s, to %,d users%n", events, input, users.size());
        long started = System.nanoTime();
        waitUntil("every event is scored",
            () -> a.metrics().allOutcomes() + b.metrics().allOutcomes() >= events);
        System.out.printf(Locale.ROOT, "scored in %.1f s%n", (System.nanoTime() - started) / 1e9);

        String nameA = "localhost:" + a.httpPort();
        String nameB = "localhost:" + b.httpPort();
        Map<String, List<String>> owned = usersByOwner(a, users);
        System.out.printf(Locale.ROOT, "owners: %s%n", counts(owned));
        Path localKeys = writeKeys(keyDirectory.resolve("users-owned-by-a.txt"), owned.getOrDefault(nameA, List.of()));
        Path forwardedKeys = writeKeys(keyDirectory.resolve("users-owned-by-b.txt"), owned.getOrDefault(nameB, List.of()));

        String url = "http://localhost:" + a.httpPort();
        Query local = new Query("user, local", "/v1/users/{id}", localKeys, nameA);
        Query forwarded = new Query("user, forwarded", "/v1/users/{id}", forwardedKeys, nameB);
        Query historyLocal = new Query("history 30 d, local", "/v1/users/{id}/history?days=30", localKeys, nameA);
        Query historyForwarded = new Query("history 30 d, forwarded", "/v1/users/{id}/history?days=30", forwardedKeys, nameB);
        Query leaders = new Query("leaders, top 100", "/v1/leaders?limit=100", null, null);
        Query live = new Query("health/live (HTTP alone)", "/health/live", null, null);

        List<Query> all = List.of(local, forwarded, historyLocal, historyForwarded, leaders, live);
        Load warmUpLoad = new Load(threads, connections.get(0), warmUp);
        for (Query query : all) {
          System.out.printf(Locale.ROOT, "warm-up: %s%n", query.name());
          run(wrk, script, url, query, warmUpLoad);
        }
        List<String> rows = new ArrayList<>();
        for (int count : connections) {
          Load load = new Load(threads, count, duration);
          List<Query> queries = count == connections.get(0) ? all : List.of(local, forwarded);
          for (Query query : queries) {
            double cpuBefore = processCpuSeconds();
            long gcBefore = gcMillis();
            Figures figures = run(wrk, script, url, query, load);
            double cores = (processCpuSeconds() - cpuBefore) / figures.seconds();
            rows.add(row(query, load, figures, cores, gcMillis() - gcBefore));
          }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "wrk %s -s %s %s -- PATH KEYS SERVED_BY; A is %s, B is %s; %,d users, %d owned by A, %d by B%n",
            String.join(" ", new Load(threads, connections.get(0), duration).arguments()), script.getFileName(), url, nameA, nameB,
            users.size(), owned.getOrDefault(nameA, List.of()).size(), owned.getOrDefault(nameB, List.of()).size());
        System.out.println();
        System.out.println("| query | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | not 200 | other instance"
            + " | socket errors | JVM cores | JVM CPU µs per request | GC ms | load average |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
      }
    }
  }

  private static ScorerService startInstance(EmbeddedStack stack) throws IOException {
    int port = FreePorts.next();
    ScorerConfig config = stack.scorerConfig(ServiceBench.stateDirectory("query-latency"), port).with(Map.of(
        ScorerConfig.APPLICATION_ID.key(), "query-latency",
        ScorerConfig.APPLICATION_SERVER.key(), "localhost:" + port,
        ScorerConfig.STANDBY_REPLICAS.key(), "1",
        // One client asks as fast as it can: the per-client limit would measure itself.
        ScorerConfig.HTTP_RATE_LIMIT.key(), "0"));
    return ScorerService.start(config, Clock.systemUTC());
  }

  /** Publishes the first {@code events} events of the file; returns the users they engage. */
  private static Set<String> publish(InteractionPublisher publisher, Path input, long events) throws IOException {
    publisher.ensureTopic(SnapActivityReader.NETWORK);
    Set<String> users = new LinkedHashSet<>();
    try (Stream<InteractionEvent> stream = new SnapActivityReader(input).events(rejected -> { })) {
      stream.limit(events).forEach(event -> {
        publisher.publish(event);
        users.add(event.getNetwork() + ":" + event.getTargetAccount());
      });
    }
    publisher.flush();
    return users;
  }

  /** Asks instance {@code via} for every user: its answer's {@link RoutingHeaders#SERVED_BY}, or why not. */
  private static Map<String, List<String>> usersByOwner(ScorerService via, Set<String> users) throws Exception {
    Map<String, List<String>> owned = new TreeMap<>();
    for (String user : users) {
      HttpResponse<Void> response = get(via, "/v1/users/" + user);
      String owner = response.statusCode() == 200
          ? response.headers().firstValue(RoutingHeaders.SERVED_BY).orElse("no " + RoutingHeaders.SERVED_BY)
          : "answered " + response.statusCode();
      owned.computeIfAbsent(owner, o -> new ArrayList<>()).add(user);
    }
    return owned;
  }

  private static Map<String, Integer> counts(Map<String, List<String>> owned) {
    Map<String, Integer> counts = new TreeMap<>();
    owned.forEach((owner, users) -> counts.put(owner, users.size()));
    return counts;
  }

  private static Path writeKeys(Path file, List<String> users) throws IOException {
    if (users.isEmpty()) {
      throw new IllegalStateException("no users for " + file.getFileName() + ": one instance owns every partition");
    }
    return Files.write(file, users, StandardCharsets.UTF_8);
  }

  private static Figures run(String wrk, Path script, String url, Query query, Load load) throws Exception {
    List<String> command = new ArrayList<>(List.of(wrk));
    command.addAll(load.arguments());
    command.addAll(List.of("-s", script.toString(), url, "--", query.path(), query.keys() == null ? "-" : query.keys().toString(),
        query.servedBy() == null ? "-" : query.servedBy()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    System.out.printf(Locale.ROOT, "%s, %d connections:%n%s", query.name(), load.connections(), output);
    Matcher result = RESULT.matcher(output);
    if (exit != 0 || !result.find()) {
      throw new IllegalStateException("wrk exited " + exit + " without a RESULT line: " + String.join(" ", command));
    }
    return new Figures(Long.parseLong(result.group(1)), Double.parseDouble(result.group(2)), Long.parseLong(result.group(3)),
        Long.parseLong(result.group(4)), Long.parseLong(result.group(5)), Long.parseLong(result.group(6)),
        Long.parseLong(result.group(7)), Long.parseLong(result.group(8)), Long.parseLong(result.group(9)));
  }

  private static String row(Query query, Load load, Figures figures, double cores, long gcMillis) throws IOException {
    String loadAverage = String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    double perSecond = figures.requests() / figures.seconds();
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %d | %d | %.2f | %.0f | %d | %s |", query.name(),
        load.connections(), perSecond, figures.p50() / 1e3, figures.p90() / 1e3, figures.p99() / 1e3, figures.max() / 1e3,
        figures.non200(), figures.otherServer(), figures.socketErrors(), cores, cores * 1e6 / perSecond, gcMillis, loadAverage);
  }

  /** CPU seconds this JVM (broker, registry, both instances) has used. */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** Milliseconds this JVM's collectors have spent collecting, pauses and concurrent work alike. */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static boolean ready(ScorerService instance) throws Exception {
    return get(instance, "/health/ready").statusCode() == 200;
  }

  private static HttpResponse<Void> get(ScorerService instance, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
  }

  private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting until " + what + " after " + PATIENCE);
      }
      Thread.sleep(100);
    }
  }
}
