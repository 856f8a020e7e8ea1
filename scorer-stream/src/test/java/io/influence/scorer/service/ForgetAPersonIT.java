package io.influence.scorer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.topology.DeadLetterHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting a person on request: after {@code forget}, nothing of them can be queried (score,
 * history, leaderboards, others' explanations), the output topic's last word on them is a tombstone,
 * and an instance that restores everything from the changelogs and topics does not bring them back.
 */
class ForgetAPersonIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
  private static final String FORGOTTEN = "twitter:bob";

  @Test
  void aForgottenPersonCannotBeQueriedAnywhereAndARestoreFromTheChangelogsDoesNotBringThemBack(@TempDir Path directory) throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
      ScorerConfig config = stack.scorerConfig(directory.resolve("state"), FreePorts.next()).with(Map.of("commit.interval", "200ms"));
      try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 2, (short) 1, true),
          ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer());
          ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
        publisher.publish(Shares.share("e1", "alice", "bob", AT));
        publisher.publish(Shares.share("e2", "carol", "bob", AT.plusSeconds(60)));
        publisher.publish(Shares.share("e3", "bob", "dave", AT.plusSeconds(120)));
        publisher.flush();
        await().atMost(PATIENCE).until(() -> status(scorer, "/v1/users/" + FORGOTTEN) == 200
            && body(scorer, "/v1/users/twitter:dave/explain").contains(FORGOTTEN));

        assertThat(body(scorer, "/v1/users/TWITTER:dave")).as("a network's name in any case").contains("\"userId\":\"twitter:dave\"");

        // A request the scorer cannot read goes to its dead-letter topic, and the requests after it apply.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ScorerService.clientProperties(config),
            new StringSerializer(), new ByteArraySerializer())) {
          producer.send(new ProducerRecord<>(config.get(ScorerConfig.ERASURES_TOPIC), FORGOTTEN, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        ErasureRequests.request(config, FORGOTTEN, "user request", Clock.systemUTC());

        await().atMost(PATIENCE).untilAsserted(() -> assertForgotten(scorer));
        assertThat(deadLetterReasons(stack, config.get(ScorerConfig.ERASURES_TOPIC) + ".dlq")).containsExactly("undecodable");
        assertThat(scorer.metrics().recordsSetAside(config.get(ScorerConfig.ERASURES_TOPIC))).isEqualTo(1);
        // What they did stops counting: a share of theirs after the erasure is ignored.
        publisher.publish(Shares.share("e4", "bob", "erin", AT.plusSeconds(180)));
        publisher.publish(Shares.share("e5", "alice", "bob", AT.plusSeconds(240)));
        publisher.publish(Shares.share("e6", "alice", "frank", AT.plusSeconds(300)));
        publisher.flush();
        await().atMost(PATIENCE).until(() -> status(scorer, "/v1/users/twitter:frank") == 200);
        assertThat(status(scorer, "/v1/users/twitter:erin")).isEqualTo(404);
        assertForgotten(scorer);
      }

      ScorerConfig restoring = config.with(Map.of("state.dir", directory.resolve("empty-state").toString()));
      try (ScorerService restored = ScorerService.start(restoring, Clock.systemUTC())) {
        await().atMost(PATIENCE).until(() -> status(restored, "/health/ready") == 200);
        assertThat(status(restored, "/v1/users/twitter:dave")).isEqualTo(200);
        assertForgotten(restored);
      }
      assertThat(lastScoreOf(stack, config, FORGOTTEN)).as("the output topic's last record for them").isNull();
    }
  }

  private static void assertForgotten(ScorerService scorer) throws Exception {
    assertThat(status(scorer, "/v1/users/" + FORGOTTEN)).isEqualTo(404);
    assertThat(status(scorer, "/v1/users/" + FORGOTTEN + "/history")).isEqualTo(404);
    assertThat(status(scorer, "/v1/users/" + FORGOTTEN + "/explain")).isEqualTo(404);
    assertThat(body(scorer, "/v1/leaders?limit=100")).doesNotContain(FORGOTTEN);
    assertThat(body(scorer, "/v1/users/twitter:dave/explain")).doesNotContain(FORGOTTEN);
  }

  /** The reason of each committed record on {@code topic}, waiting a few seconds for the first. */
  private static List<String> deadLetterReasons(EmbeddedStack stack, String topic) {
    Map<String, Object> consumerConfig = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-check",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> reasons = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(record ->
            reasons.add(new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)));
      }
    }
    return reasons;
  }

  /** The value of the last record keyed {@code userId} on the output topic; null for a tombstone. */
  private static UserScore lastScoreOf(EmbeddedStack stack, ScorerConfig config, String userId) {
    Map<String, Object> consumerConfig = new HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "forget-check",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    var scores = ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).scores();
    Map<String, UserScore> last = new HashMap<>();
    boolean[] seen = {false};
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), scores.deserializer())) {
      consumer.subscribe(List.of(config.get(ScorerConfig.OUTPUT_TOPIC)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && !(seen[0] && last.get(userId) == null)) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
          if (record.key().equals(userId)) {
            seen[0] = true;
            last.put(userId, record.value());
          }
        });
      }
    }
    assertThat(seen[0]).as("a record for " + userId).isTrue();
    return last.get(userId);
  }

  private static int status(ScorerService instance, String path) throws Exception {
    return get(instance, path).statusCode();
  }

  private static String body(ScorerService instance, String path) throws Exception {
    return get(instance, path).body();
  }

  private static HttpResponse<String> get(ScorerService instance, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
