package io.influence.scorer.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.InteractionEvent;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Against a real Prometheus (Debian's) scraping a running scorer fed by the simulated connector, with
 * dead letters and HTTP traffic: every query of the dashboard and every alert expression returns data,
 * so no panel is empty and no alert watches a series that does not exist. Meanwhile the stream threads
 * log nothing per event.
 *
 * <p>The scorer runs at the DEBUG recording level, so the RocksDB panels have data too, and the scrape
 * must survive DEBUG's extra meters.
 */
class DashboardAgainstPrometheusIT {
  private static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Seconds of scrapes the rate windows need before every panel has something to show. */
  private static final int WARM_UP_SCRAPES = 8;

  private static final Deque<AutoCloseable> started = new ArrayDeque<>();
  private static ScorerService scorer;
  private static final AtomicLong streamThreadLogLines = new AtomicLong();
  private static final Pattern STREAM_THREAD = Pattern.compile("-StreamThread-\\d+$");
  /** Prometheus's and the scorer's files, deleted after the tests. */
  @TempDir
  static Path workDir;
  private static String prometheusUrl;

  @BeforeAll
  static void start() throws Exception {
    Path prometheusBinary = PrometheusTools.binary("prometheus");
    EmbeddedStack stack = started(EmbeddedStack.startOnFreePorts());
    RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    InteractionPublisher publisher = started(new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 2, (short) 1, false),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer()));
    // The connector topics exist before the scorer subscribes, so its pattern finds them at once.
    InteractionSimulator.NETWORKS.forEach(publisher::ensureTopic);
    scorer = started(ScorerService.start(stack.scorerConfig(workDir.resolve("scorer-state"), FreePorts.next()).with(Map.of(
        "commit.interval", "200ms",
        "metrics.recording.level", "debug",
        "metrics.refresh", "1s")), Clock.systemUTC()));
    await().atMost(PATIENCE).until(() -> get("http://localhost:" + scorer.httpPort() + "/health/ready").statusCode() == 200);

    watchStreamThreadLogs();
    InteractionSimulator simulator = new InteractionSimulator(7, Clock.systemUTC());
    AtomicBoolean stopping = new AtomicBoolean();
    Thread connector = new Thread(() -> publisher.runSimulator(simulator, 150, stopping::get), "simulated-connector");
    connector.start();
    started(() -> {
      stopping.set(true);
      connector.join(10_000);
    });
    KafkaProducer<byte[], byte[]> rawProducer = started(new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer()));
    ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    started(() -> {
      traffic.shutdownNow();
      traffic.awaitTermination(5, TimeUnit.SECONDS);
    });
    AtomicLong tick = new AtomicLong();
    String celebrity = "twitter:" + simulator.celebrityAccounts().get(0);
    traffic.scheduleAtFixedRate(() -> {
      try {
        get("http://localhost:" + scorer.httpPort() + "/v1/users/" + celebrity);
        get("http://localhost:" + scorer.httpPort() + "/v1/users/twitter:nobody-at-all");
        if (tick.incrementAndGet() % 5 == 0) {
          rawProducer.send(new ProducerRecord<>("interactions.twitter", "not avro".getBytes(StandardCharsets.UTF_8)));
        }
      } catch (Exception e) {
        // traffic is best effort; the assertions say what was missing
      }
    }, 0, 200, TimeUnit.MILLISECONDS);

    startPrometheus(prometheusBinary, scorer.httpPort());
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
      List<Double> scrapes = values(query("count_over_time(influence_events_consumed_total{job=\"influence-scorer\"}[1m])"));
      return !scrapes.isEmpty() && scrapes.stream().allMatch(count -> count >= WARM_UP_SCRAPES);
    });
  }

  /** Counts what the stream threads log at INFO or above, from now until the tests end. */
  private static void watchStreamThreadLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        // The stream threads themselves, not their producers' network threads, whose retries of
        // CONCURRENT_TRANSACTIONS under exactly-once are the Kafka client's, once per commit at most.
        if (STREAM_THREAD.matcher(event.getThreadName()).find() && event.getLevel().isGreaterOrEqual(Level.INFO)) {
          streamThreadLogLines.incrementAndGet();
        }
      }
    };
    counter.start();
    root.addAppender(counter);
    started(() -> root.detachAppender(counter));
  }

  /** Prometheus with the repository's configuration, scraping only this scorer, every second. */
  @SuppressWarnings("unchecked")
  private static void startPrometheus(Path binary, int scorerPort) throws IOException {
    Map<String, Object> config = ObservabilityFiles.yaml(ObservabilityFiles.prometheusConfig());
    Map<String, Object> global = (Map<String, Object>) config.get("global");
    global.put("scrape_interval", "1s");
    global.put("evaluation_interval", "1s");
    config.put("rule_files", List.of(ObservabilityFiles.alerts().toString()));
    Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
        .filter(scrape -> ObservabilityFiles.JOB.equals(scrape.get("job_name")))
        .findFirst().orElseThrow(() -> new AssertionError("prometheus.yml has no job " + ObservabilityFiles.JOB));
    job.remove("dns_sd_configs");
    job.remove("scrape_interval");
    job.put("static_configs", List.of(Map.of("targets", List.of("localhost:" + scorerPort))));
    // Only the scorer runs here; the connectors' job would look their names up in DNS for nothing.
    config.put("scrape_configs", List.of(job));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path configFile = workDir.resolve("prometheus.yml");
    Files.writeString(configFile, new Yaml(options).dump(config));

    int port = FreePorts.next();
    prometheusUrl = "http://127.0.0.1:" + port;
    Process process = new ProcessBuilder(binary.toString(),
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + workDir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("prometheus.log").toFile())
        .start();
    started(() -> {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    });
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> values(query("up{job=\"influence-scorer\"}")).contains(1.0));
  }

  @AfterAll
  static void stop() throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** {@code resource}, to be closed after the tests, in the reverse order of starting. */
  private static <T extends AutoCloseable> T started(T resource) {
    started.push(resource);
    return resource;
  }

  @Test
  void theScorerIsScrapedAtTheDebugRecordingLevel() throws Exception {
    assertThat(values(query("up{job=\"influence-scorer\"}"))).containsExactly(1.0);
    assertThat(values(query("kafka_stream_recording_level{job=\"influence-scorer\"}"))).as("1 is DEBUG").containsOnly(1.0);
  }

  @Test
  void theTransactionalStoresUncommittedBytesGaugeIsNeverBoundSoNeverReadAsATaskCloses() {
    assertThat(scorer.streams().metrics().keySet()).as("Kafka Streams' own metrics").anyMatch(name -> name.name().equals("uncommitted-bytes"));
    assertThat(scorer.metrics().registry().getMeters()).noneMatch(meter -> meter.getId().getName().contains("uncommitted"));
    assertThat(values(query("count({job=\"influence-scorer\", __name__=~\"kafka_stream_state_uncommitted_bytes.*\"})"))).isEmpty();
  }

  @Test
  void theHotPathLogsNothingPerEventAtInfo() {
    assertThat(scorer.metrics().eventsConsumed()).as("events consumed").isGreaterThan(1000);
    assertThat(streamThreadLogLines.get()).as("lines logged by stream threads at INFO or above").isLessThan(20);
  }

  @Test
  void everyDashboardQueryReturnsData() {
    assertThat(queriesWithoutData(ObservabilityFiles.dashboardQueries(), ObservabilityFiles::withVariablesResolved))
        .as("dashboard queries that returned no data").isEmpty();
  }

  @Test
  void everyAlertExpressionHasSeriesToWatch() {
    List<ObservabilityFiles.Query> alerts = ObservabilityFiles.alertRules().stream()
        .map(rule -> new ObservabilityFiles.Query("alert " + rule.name(), rule.expr())).toList();

    assertThat(queriesWithoutData(alerts, ObservabilityFiles::withBoolComparisons))
        .as("alert expressions that returned no data, comparisons made bool").isEmpty();
  }

  @Test
  void everyRuleIsLoadedAndEvaluatesWithoutError() {
    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode groups = api("/api/v1/rules").path("data").path("groups");
      List<String> loaded = new ArrayList<>();
      for (JsonNode group : groups) {
        for (JsonNode rule : group.path("rules")) {
          loaded.add(rule.path("name").asText());
          assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError").asText()).isEqualTo("ok");
        }
      }
      assertThat(loaded).containsExactlyInAnyOrderElementsOf(
          ObservabilityFiles.alertRules().stream().map(ObservabilityFiles.AlertRule::name).toList());
    });
  }

  @Test
  void everyInfluenceMetricScrapedIsDocumentedInTheOperationsGuide() throws Exception {
    String guide = Files.readString(ObservabilityFiles.repoRoot().resolve("docs/OPERATIONS.md"));
    TreeSet<String> undocumented = new TreeSet<>();
    for (JsonNode name : api("/api/v1/label/__name__/values").path("data")) {
      String family = name.asText().replaceAll("_(bucket|count|sum|max)$", "");
      if (family.startsWith("influence_") && !guide.contains("`" + family + "`")) {
        undocumented.add(family);
      }
    }
    assertThat(undocumented).as("influence_* metrics missing from docs/OPERATIONS.md").isEmpty();
  }

  /**
   * Runs every query, made runnable by {@code runnable}, until it returns at least one series with a number (not NaN), for at most
   * {@link #PATIENCE}: rate windows fill as the scrapes go on. Returns those that never did, with why.
   */
  private static List<String> queriesWithoutData(List<ObservabilityFiles.Query> queries, UnaryOperator<String> runnable) {
    Map<String, String> pending = new LinkedHashMap<>();
    queries.forEach(query -> pending.put(query.where() + ": " + query.expr(), runnable.apply(query.expr())));
    Map<String, String> why = new LinkedHashMap<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      pending.entrySet().removeIf(query -> {
        JsonNode answer = query(query.getValue());
        if (!"success".equals(answer.path("status").asText())) {
          why.put(query.getKey(), "error: " + answer.path("error").asText());
          return false;
        }
        List<Double> values = values(answer);
        why.put(query.getKey(), values.isEmpty() ? "no series" : "only NaN");
        return values.stream().anyMatch(value -> !value.isNaN());
      });
      sleep(Duration.ofSeconds(1));
    }
    return pending.keySet().stream().map(query -> query + " -> " + why.get(query)).toList();
  }

  private static JsonNode query(String promql) {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static JsonNode api(String path) {
    try {
      return JSON.readTree(get(prometheusUrl + path).body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("Prometheus did not answer " + path + " (log in " + workDir + ")", e);
    }
  }

  /** The sample values of an instant query's vector or scalar answer. */
  private static List<Double> values(JsonNode answer) {
    JsonNode data = answer.path("data");
    List<Double> values = new ArrayList<>();
    if ("scalar".equals(data.path("resultType").asText())) {
      values.add(number(data.path("result").path(1).asText()));
    } else {
      data.path("result").forEach(series -> values.add(number(series.path("value").path(1).asText())));
    }
    return values;
  }

  /** Prometheus writes infinities as +Inf and -Inf. */
  private static double number(String text) {
    return Double.parseDouble(text.replace("Inf", "Infinity"));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
