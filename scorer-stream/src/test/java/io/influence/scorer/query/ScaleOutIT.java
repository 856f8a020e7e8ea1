package io.influence.scorer.query;

import static io.influence.scorer.query.ClusterProbe.get;
import static io.influence.scorer.query.ClusterProbe.getJson;
import static io.influence.scorer.query.ClusterProbe.json;
import static io.influence.scorer.query.ClusterProbe.ready;
import static io.influence.scorer.query.ClusterProbe.usersHeld;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.service.ScorerService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three scorer instances on twelve partitions without standbys: each holds about a third of the users,
 * the leaderboards they gather equal those of a single instance over the same events, and when one
 * instance goes the others still answer: the leaderboards say which partitions are missing until the
 * survivors take them over, and every user is answered again once they have.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
  @TempDir
  static Path states;

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final int PARTITIONS = 12;
  private static final int TARGETS = 600;
  private static final int EVENTS = 6_000;
  private static final List<String> TOPICS = List.of("cooking", "travel", "business", "parenting");
  private static final List<InteractionType> TYPES = List.of(InteractionType.SHARE, InteractionType.MENTION, InteractionType.REPLY,
      InteractionType.LIKE);
  private static final String SINGLE_OUTPUT = "influence-scores-single";

  private static EmbeddedStack stack;
  private static RestSchemaRegistryClient registry;
  private static final ScorerService[] cluster = new ScorerService[3];
  private static ScorerService single;
  private static Map<String, UserScore> published;

  @BeforeAll
  static void start() throws Exception {
    stack = EmbeddedStack.startOnFreePorts();
    registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), PARTITIONS, (short) 1, true),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer())) {
      publisher.ensureTopic("twitter");
      for (int i = 0; i < cluster.length; i++) {
        cluster[i] = startInstance("influence-scorer", "influence-scores");
      }
      single = startInstance("influence-scorer-single", SINGLE_OUTPUT);
      await().atMost(PATIENCE).until(() -> ready(cluster[0]) && ready(cluster[1]) && ready(cluster[2]) && ready(single));
      publishEvents(publisher);
    }
    await().atMost(PATIENCE).until(() -> scored(List.of(cluster)) >= EVENTS && scored(List.of(single)) >= EVENTS);
    published = ClusterProbe.latestScores(stack.bootstrapServers(), registry, "influence-scores");
    assertThat(published).hasSize(TARGETS);
  }

  @AfterAll
  static void stop() {
    List<AutoCloseable> open = new ArrayList<>(Arrays.asList(cluster));
    open.add(single);
    open.add(stack);
    ClusterProbe.closeAll(open);
  }

  private static ScorerService startInstance(String applicationId, String outputTopic) throws Exception {
    int port = FreePorts.next();
    Map<String, String> settings = new HashMap<>(Map.of(
        ScorerConfig.APPLICATION_ID.key(), applicationId,
        ScorerConfig.OUTPUT_TOPIC.key(), outputTopic,
        ScorerConfig.APPLICATION_SERVER.key(), "localhost:" + port,
        ScorerConfig.TOPIC_PARTITIONS.key(), String.valueOf(PARTITIONS),
        ScorerConfig.STANDBY_REPLICAS.key(), "0",
        ScorerConfig.COMMIT_INTERVAL.key(), "200ms",
        ScorerConfig.HTTP_RATE_LIMIT.key(), "0"));
    // The rebalance protocol's evaluation (docs/OPERATIONS.md) runs this test with -Dinfluence.group.protocol=streams,
    // which refuses pattern subscriptions: the one connector topic is named.
    String protocol = System.getProperty("influence.group.protocol");
    if (protocol != null) {
      settings.put(ScorerConfig.KAFKA_PREFIX + "group.protocol", protocol);
      settings.put(ScorerConfig.INPUT_PATTERN.key(), "interactions\\.twitter");
    }
    return ScorerService.start(stack.scorerConfig(Files.createTempDirectory(states, "instance"), port).with(settings), Clock.systemUTC());
  }

  private static double scored(List<ScorerService> instances) {
    return instances.stream().mapToDouble(instance -> instance.metrics().outcomes(EventOutcome.SCORED)).sum();
  }

  /**
   * Every event on one UTC day, so that every actor weighs as the prior score (an actor's weight is their
   * score at the start of the day): both deployments then score exactly alike, whatever order their
   * partitions are processed in.
   */
  private static void publishEvents(InteractionPublisher publisher) {
    Random random = new Random(17);
    Instant now = Instant.now();
    Instant start = now.minus(Duration.ofMinutes(30)).isBefore(now.truncatedTo(ChronoUnit.DAYS))
        ? now.truncatedTo(ChronoUnit.DAYS) : now.minus(Duration.ofMinutes(30));
    long spreadMillis = Duration.between(start, now).toMillis();
    for (int i = 0; i < EVENTS; i++) {
      publisher.publish(InteractionEvent.newBuilder()
          .setEventId("e" + i).setNetwork("twitter").setType(TYPES.get(random.nextInt(TYPES.size())))
          .setActorAccount("fan" + random.nextInt(2_000)).setTargetAccount("star" + random.nextInt(TARGETS))
          .setTopics(List.of(TOPICS.get(random.nextInt(TOPICS.size()))))
          .setOccurredAt(start.plusMillis(spreadMillis * i / EVENTS))
          .build());
    }
    publisher.flush();
  }

  @Test
  @Order(1)
  void eachInstanceHoldsAboutAThirdOfTheUsers() throws Exception {
    await().atMost(PATIENCE).untilAsserted(() -> {
      double ranked = 0;
      double stored = 0;
      for (ScorerService instance : cluster) {
        Map<String, Double> held = usersHeld(instance);
        assertThat(held.get("leaderboards") / TARGETS).as("share of the users ranked by one instance of three").isBetween(0.2, 0.47);
        ranked += held.get("leaderboards");
        stored += held.get("published-scores");
      }
      assertThat(ranked).isEqualTo((double) TARGETS);
      // RocksDB's estimates count a user again for each overwrite still in the memtable, so the stores'
      // gauges bound what is held from above; which partitions each instance holds is asserted below.
      assertThat(stored).isGreaterThanOrEqualTo(TARGETS);
    });
    for (ScorerService instance : cluster) {
      System.out.printf("users held by the instance on port %d: %s%n", instance.httpPort(), usersHeld(instance));
    }
    for (JsonNode instance : getJson(cluster[0], "/v1/instances").get("instances")) {
      List<String> byTarget = new ArrayList<>();
      instance.get("activePartitions").forEach(partition -> {
        if (partition.asText().contains("engagements-by-target")) {
          byTarget.add(partition.asText());
        }
      });
      assertThat(byTarget).as(instance.get("instance").asText()).hasSize(PARTITIONS / cluster.length);
      assertThat(instance.get("standbyPartitions")).as("no standby copies").isEmpty();
    }
  }

  @Test
  @Order(2)
  void theGatheredLeaderboardsEqualASingleInstancesAndTheOutputTopic() throws Exception {
    List<String> overall = ClusterProbe.ranked(published.values(), UserScore::getScore);
    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode alone = getJson(single, "/v1/leaders?limit=100");
      for (ScorerService instance : cluster) {
        JsonNode gathered = getJson(instance, "/v1/leaders?limit=100");
        assertThat(gathered.get("partial").asBoolean()).isFalse();
        assertThat(gathered.get("users").asInt()).isEqualTo(TARGETS);
        assertThat(gathered).isEqualTo(alone);
        assertThat(gathered.get("leaders").findValuesAsText("userId")).isEqualTo(overall);
        for (String topic : TOPICS) {
          String path = "/v1/topics/" + topic + "/leaders?limit=100";
          assertThat(getJson(instance, path)).as(topic).isEqualTo(getJson(single, path));
        }
        assertThat(getJson(instance, "/v1/topics")).isEqualTo(getJson(single, "/v1/topics"));
      }
    });
    System.out.println(leaderboardLatency());
  }

  /** Not asserted (timings here are noisy): printed for the record, against the goal of p99 ≤ 50 ms. */
  private static String leaderboardLatency() throws Exception {
    int requests = 600;
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long started = System.nanoTime();
      assertThat(get(cluster[i % cluster.length], i % 2 == 0 ? "/v1/leaders?limit=100" : "/v1/topics/cooking/leaders?limit=10")
          .statusCode()).isEqualTo(200);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return String.format("leaderboard queries gathered from 3 instances, %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        requests, nanos[requests / 2] / 1e6, nanos[requests * 99 / 100] / 1e6, nanos[requests - 1] / 1e6);
  }

  @Test
  @Order(3)
  void whenAnInstanceGoesTheLeaderboardsNameTheMissingPartitionsUntilTheOthersTakeThemOver() throws Exception {
    JsonNode before = getJson(cluster[0], "/v1/leaders?limit=100");
    Set<Integer> goneWith = new HashSet<>();
    getJson(cluster[2], "/v1/instances/local/topics").get("partitions").forEach(partition -> goneWith.add(partition.asInt()));
    cluster[2].close();
    cluster[2] = null;
    long closed = System.nanoTime();

    // Until the survivors have taken the closed instance's partitions over, a leaderboard is partial and
    // names the partitions missing: the closed instance's, and any of the survivors' that the rebalance moves.
    int partialAnswers = 0;
    Set<Integer> everMissing = new TreeSet<>();
    long complete = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < complete) {
      JsonNode answer = getJson(cluster[0], "/v1/leaders?limit=100");
      if (!answer.get("partial").asBoolean()) {
        break;
      }
      partialAnswers++;
      Set<Integer> missing = new HashSet<>();
      answer.get("missingPartitions").forEach(partition -> missing.add(partition.asInt()));
      assertThat(missing).isNotEmpty().allSatisfy(partition -> assertThat(partition).isBetween(0, PARTITIONS - 1));
      everMissing.addAll(missing);
      assertThat(answer.get("users").asInt()).isLessThan(TARGETS);
      Thread.sleep(100);
    }
    System.out.printf("%d partial leaderboards (every 100 ms) before complete, %.1f s after one of three instances closed; "
        + "missing at some point: %s, of which the closed instance's: %s%n", partialAnswers, (System.nanoTime() - closed) / 1e9,
        everMissing, goneWith);
    await().atMost(PATIENCE).untilAsserted(() -> {
      for (ScorerService survivor : List.of(cluster[0], cluster[1])) {
        assertThat(getJson(survivor, "/v1/leaders?limit=100")).isEqualTo(before);
      }
      for (String userId : published.keySet()) {
        HttpResponse<String> response = get(cluster[1], "/v1/users/" + userId);
        assertThat(response.statusCode()).as(userId + " " + response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("score").asDouble()).isEqualTo(ApiFormat.score(published.get(userId).getScore()));
      }
    });
    System.out.printf("Leaderboards complete and all %d users answered %.1f s after one of three instances closed%n",
        published.size(), (System.nanoTime() - closed) / 1e9);
  }
}
