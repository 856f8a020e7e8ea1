package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static io.influence.scorer.query.ClusterProbe.get;
import static io.influence.scorer.query.ClusterProbe.getJson;
import static io.influence.scorer.query.ClusterProbe.json;
import static io.influence.scorer.query.ClusterProbe.ready;
import static io.influence.scorer.query.ClusterProbe.usersHeld;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two scorer instances (separate Kafka Streams clients, state and ports) on one real broker, scoring
 * connector topics of four partitions: any instance answers for any user, the leaderboards equal brute
 * force over the output topic, and when one instance goes its users are still answered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
  /** Each instance's state in a directory of its own in here, deleted after the tests. */
  @TempDir
  static Path states;

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int TARGETS = 80;
  private static final int EVENTS = 2_000;
  private static final List<String> TOPICS = List.of("cooking", "travel", "business", "parenting");
  private static final List<InteractionType> TYPES = List.of(InteractionType.SHARE, InteractionType.MENTION, InteractionType.REPLY,
      InteractionType.LIKE);

  private static EmbeddedStack stack;
  private static RestSchemaRegistryClient registry;
  private static ScorerService first;
  private static ScorerService second;
  /** What each target received, by lower-case type: what their history must add up to. */
  private static final Map<String, Map<String, Long>> received = new HashMap<>();
  private static Map<String, UserScore> published;

  @BeforeAll
  static void start() throws Exception {
    stack = EmbeddedStack.startOnFreePorts();
    registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, true),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer())) {
      publisher.ensureTopic("twitter");
      first = startInstance();
      second = startInstance();
      await().atMost(PATIENCE).until(() -> ready(first) && ready(second));
      publishEvents(publisher);
    }
    await().atMost(PATIENCE).until(() -> scored(first) + scored(second) >= EVENTS);
    published = ClusterProbe.latestScores(stack.bootstrapServers(), registry, "influence-scores");
    assertThat(published).hasSize(TARGETS);
  }

  @AfterAll
  static void stop() {
    ClusterProbe.closeAll(Arrays.asList(second, first, stack));
  }

  private static ScorerService startInstance() throws Exception {
    int port = FreePorts.next();
    ScorerConfig config = stack.scorerConfig(Files.createTempDirectory(states, "instance"), port).with(Map.of(
        ScorerConfig.APPLICATION_SERVER.key(), "localhost:" + port,
        ScorerConfig.STANDBY_REPLICAS.key(), "1",
        ScorerConfig.COMMIT_INTERVAL.key(), "200ms",
        // The test asks every user's history in a loop from one address; the rate limit has tests of its own.
        ScorerConfig.HTTP_RATE_LIMIT.key(), "0"));
    return ScorerService.start(config, Clock.systemUTC());
  }

  private static double scored(ScorerService instance) {
    return instance.metrics().outcomes(EventOutcome.SCORED);
  }

  private static void publishEvents(InteractionPublisher publisher) {
    Random random = new Random(5);
    Instant start = Instant.now().minus(Duration.ofHours(3));
    for (int i = 0; i < EVENTS; i++) {
      String target = "star" + random.nextInt(TARGETS);
      InteractionType type = TYPES.get(random.nextInt(TYPES.size()));
      publisher.publish(InteractionEvent.newBuilder()
          .setEventId("e" + i).setNetwork("twitter").setType(type)
          .setActorAccount("fan" + random.nextInt(400)).setTargetAccount(target)
          .setTopics(List.of(TOPICS.get(random.nextInt(TOPICS.size()))))
          .setOccurredAt(start.plusSeconds(5L * i))
          .build());
      received.computeIfAbsent("twitter:" + target, t -> new TreeMap<>()).merge(type.name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
    publisher.flush();
  }

  @Test
  @Order(1)
  void everyUserGetsTheSameAnswerFromBothInstancesServedByItsOwner() throws Exception {
    Set<String> servers = new HashSet<>();
    for (Map.Entry<String, UserScore> user : published.entrySet()) {
      String path = "/v1/users/" + user.getKey();
      HttpResponse<String> fromFirst = get(first, path);
      HttpResponse<String> fromSecond = get(second, path);

      assertThat(fromFirst.statusCode()).isEqualTo(200);
      assertThat(json.readTree(fromSecond.body())).isEqualTo(json.readTree(fromFirst.body()));
      String servedBy = fromFirst.headers().firstValue(RoutingHeaders.SERVED_BY).orElseThrow();
      assertThat(fromSecond.headers().firstValue(RoutingHeaders.SERVED_BY)).contains(servedBy);
      assertThat(fromFirst.headers().firstValue(RoutingHeaders.STALE)).contains("false");
      servers.add(servedBy);
      assertThat(json.readTree(fromFirst.body()).get("score").asDouble())
          .isEqualTo(ApiFormat.score(user.getValue().getScore()));
    }
    assertThat(servers).as("both instances own some users").hasSize(2);
  }

  @Test
  @Order(2)
  void everyUsersHistoryAddsUpToWhatTheyReceivedAndExplainsWhoLiftedThem() throws Exception {
    for (String userId : published.keySet()) {
      JsonNode history = getJson(first, "/v1/users/" + userId + "/history?days=7");
      assertThat(getJson(second, "/v1/users/" + userId + "/history?days=7")).isEqualTo(history);
      assertThat(history.get("days")).hasSize(7);
      Map<String, Long> counted = new TreeMap<>();
      history.get("days").forEach(day -> day.get("engagements").fields()
          .forEachRemaining(count -> counted.merge(count.getKey(), count.getValue().asLong(), Long::sum)));
      assertThat(counted).as(userId).isEqualTo(received.get(userId));
      JsonNode lastDay = history.get("days").get(6);
      assertThat(lastDay.get("score").asDouble()).isEqualTo(ApiFormat.score(published.get(userId).getScore()));

      JsonNode explanation = getJson(second, "/v1/users/" + userId + "/explain");
      assertThat(explanation.get("topContributors").size()).isPositive();
      assertThat(explanation.get("recentCauses").get(0).get("actorId").asText()).startsWith("twitter:fan");
    }
  }

  @Test
  @Order(3)
  void bothLeaderboardsEqualBruteForceOverTheOutputTopicOnEitherInstance() throws Exception {
    List<String> overall = bruteForce(score -> score.getScore());
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      for (ScorerService instance : List.of(first, second)) {
        JsonNode leaders = getJson(instance, "/v1/leaders?limit=100");
        assertThat(leaders.get("users").asInt()).isEqualTo(TARGETS);
        assertThat(leaders.get("leaders").findValuesAsText("userId")).isEqualTo(overall);
        for (String topic : TOPICS) {
          assertThat(getJson(instance, "/v1/topics/" + topic + "/leaders?limit=100").get("leaders").findValuesAsText("userId"))
              .as(topic).isEqualTo(bruteForce(score -> ClusterProbe.topicScore(score, topic)));
        }
      }
    });
  }

  @Test
  @Order(4)
  void theInstancesListsBothWithTheirPartitionsStoresAndLag() throws Exception {
    JsonNode instances = getJson(first, "/v1/instances").get("instances");
    assertThat(instances).hasSize(2);
    for (JsonNode instance : instances) {
      assertThat(instance.get("activePartitions").size()).as(instance.toString()).isPositive();
      assertThat(instance.get("standbyPartitions").size()).as(instance.toString()).isPositive();
      assertThat(instance.get("stores").toString()).contains("user-influence");
      assertThat(instance.get("status").get("state").asText()).isEqualTo("RUNNING");
      assertThat(instance.get("status").get("storeLags").size()).isPositive();
    }
  }

  /**
   * Each instance ranks only the users of the partitions it scores; with a standby each, both hold every
   * user's state on disk (active and standby copies), which is what a standby is for.
   */
  @Test
  @Order(4)
  void eachInstanceReportsTheUsersEachStructureHolds() throws Exception {
    await().atMost(PATIENCE).untilAsserted(() -> {
      double ranked = 0;
      for (ScorerService instance : List.of(first, second)) {
        Map<String, Double> held = usersHeld(instance);
        assertThat(held).containsOnlyKeys("user-influence", "published-scores", "leaderboards");
        assertThat(held.get("leaderboards")).as("ranked by one instance of two").isBetween(1.0, TARGETS - 1.0);
        ranked += held.get("leaderboards");
        // RocksDB's estimates count the overwrites still in the memtable (2,000 here, for 80 users updated
        // 25 times each, until a flush), so they bound the users held from above.
        assertThat(held.get("published-scores")).as("active and standby copies").isGreaterThanOrEqualTo((double) TARGETS);
        assertThat(held.get("user-influence")).as("active and standby copies").isGreaterThanOrEqualTo((double) TARGETS);
      }
      assertThat(ranked).isEqualTo((double) TARGETS);
    });
  }

  @Test
  @Order(5)
  void afterOneInstanceIsClosedEveryUserIsAnsweredByTheOtherWithin30Seconds() throws Exception {
    second.close();
    long closed = System.nanoTime();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (Map.Entry<String, UserScore> user : published.entrySet()) {
        HttpResponse<String> response = get(first, "/v1/users/" + user.getKey());
        assertThat(response.statusCode()).as(user.getKey() + " " + response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("score").asDouble()).isEqualTo(ApiFormat.score(user.getValue().getScore()));
      }
    });
    System.out.printf("All %d users answered by the remaining instance %.1f s after the other closed%n", published.size(),
        (System.nanoTime() - closed) / 1e9);
    await().atMost(PATIENCE).untilAsserted(() -> {
      JsonNode leaders = getJson(first, "/v1/leaders?limit=100");
      assertThat(leaders.get("partial").asBoolean()).as(leaders.toString()).isFalse();
      assertThat(leaders.get("leaders").findValuesAsText("userId")).isEqualTo(bruteForce(UserScore::getScore));
    });
    second = null;
  }

  private static List<String> bruteForce(Function<UserScore, Double> scoreOf) {
    return ClusterProbe.ranked(published.values(), scoreOf);
  }
}
