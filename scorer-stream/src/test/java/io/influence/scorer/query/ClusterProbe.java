package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.TopicScore;
import io.influence.schema.UserScore;
import io.influence.scorer.service.ScorerService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the multi-instance tests ask of running scorers and of their output topic. */
final class ClusterProbe {
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final ObjectMapper json = new ObjectMapper();

  private ClusterProbe() {}

  /** Closes what is still open, in order, going on past failures: a test's outcome is decided by then. */
  static void closeAll(List<AutoCloseable> open) {
    for (AutoCloseable closeable : open) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // closing what is left; the test's outcome is already decided
      }
    }
  }

  static HttpResponse<String> get(ScorerService instance, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON of a 200 answer; fails the test on any other status. */
  static JsonNode getJson(ScorerService instance, String path) throws Exception {
    HttpResponse<String> response = get(instance, path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static boolean ready(ScorerService instance) throws Exception {
    return get(instance, "/health/ready").statusCode() == 200;
  }

  /** The {@code influence_users_held} gauges the instance exposes, by structure. */
  static Map<String, Double> usersHeld(ScorerService instance) throws Exception {
    Map<String, Double> held = new HashMap<>();
    get(instance, "/metrics").body().lines().filter(line -> line.startsWith("influence_users_held{")).forEach(line -> held.put(
        line.replaceAll(".*structure=\"([^\"]+)\".*", "$1"), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
    return held;
  }

  /** The latest score of every user on {@code topic}, once nothing new has come for two seconds. */
  static Map<String, UserScore> latestScores(String bootstrapServers, RestSchemaRegistryClient registry, String topic) {
    Map<String, UserScore> latest = new HashMap<>();
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrapServers, "group.id", "cluster-probe-" + topic, "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"),
        new StringDeserializer(), ConfluentAvroSerde.forValues(registry, UserScore.class).deserializer())) {
      consumer.subscribe(List.of(topic));
      int quietPolls = 0;
      while (quietPolls < 10) {
        var records = consumer.poll(Duration.ofMillis(200));
        records.forEach(record -> latest.put(record.key(), record.value()));
        quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
      }
    }
    return latest;
  }

  /** The best 100 user ids of {@code scores} by {@code scoreOf} (null leaves a user out), as the leaderboards order them. */
  static List<String> ranked(Collection<UserScore> scores, Function<UserScore, Double> scoreOf) {
    List<UserScore> ranked = new ArrayList<>();
    scores.stream().filter(score -> scoreOf.apply(score) != null).forEach(ranked::add);
    ranked.sort(Comparator.comparing((UserScore score) -> scoreOf.apply(score)).reversed().thenComparing(UserScore::getUserId));
    return ranked.stream().limit(100).map(UserScore::getUserId).toList();
  }

  /** The user's score on {@code topic}, or null when it is not among their top topics. */
  static Double topicScore(UserScore score, String topic) {
    return score.getTopics().stream().filter(t -> t.getTopic().equals(topic)).map(TopicScore::getScore).findFirst().orElse(null);
  }
}
