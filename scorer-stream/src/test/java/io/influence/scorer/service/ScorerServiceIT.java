package io.influence.scorer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.schema.CauseKind;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.topology.DeadLetterHeaders;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on a real broker and registry: Avro events in, scores out on the topic and over HTTP. */
class ScorerServiceIT {
  /** The scorer's state, deleted after the tests. */
  @TempDir
  static Path state;

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static EmbeddedStack stack;
  private static ScorerService scorer;
  private static InteractionPublisher publisher;
  private static RestSchemaRegistryClient registry;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    stack = EmbeddedStack.startOnFreePorts();
    registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 2, (short) 1, true),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer());
    publisher.ensureTopic("twitter");
    ScorerConfig config = stack.scorerConfig(state, FreePorts.next()).with(Map.of(
        "commit.interval", "200ms"));
    scorer = ScorerService.start(config, Clock.systemUTC());
    await().atMost(PATIENCE).until(() -> get("/health/ready").statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    if (publisher != null) {
      publisher.close();
    }
    if (scorer != null) {
      scorer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static InteractionEvent event(String id, InteractionType type, String actor, String target, Instant at) {
    return InteractionEvent.newBuilder()
        .setEventId(id).setNetwork("twitter").setType(type)
        .setActorAccount(actor).setTargetAccount(target)
        .setTopics(List.of("#Physics")).setOccurredAt(at)
        .build();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + scorer.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void historicalEventsArePublishedAsDecayedScoresOnTheTopicAndOverHttp() throws Exception {
    Instant july2012 = Instant.parse("2012-07-04T09:00:00Z");
    publisher.publish(event("h1", InteractionType.SHARE, "fan1", "cern", july2012));
    publisher.publish(event("h2", InteractionType.MENTION, "fan2", "cern", july2012.plusSeconds(3600)));
    publisher.publish(event("h3", InteractionType.SHARE, "cern", "cern", july2012.plusSeconds(7200)));
    publisher.flush();

    Map<String, UserScore> latest = new HashMap<>();
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", "it-scores", "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"),
        new StringDeserializer(), ConfluentAvroSerde.forValues(registry, UserScore.class).deserializer())) {
      consumer.subscribe(List.of("influence-scores"));
      await().atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> latest.merge(record.key(), record.value(),
            (older, newer) -> newer.getUpdatedAt().isAfter(older.getUpdatedAt()) ? newer : older));
        UserScore cern = latest.get("twitter:cern");
        return cern != null && cern.getCause().getEventId().equals("h2");
      });
    }
    UserScore cern = latest.get("twitter:cern");
    assertThat(cern.getScore()).isGreaterThan(1.0);
    assertThat(cern.getUpdatedAt()).isEqualTo(july2012.plusSeconds(3600));
    assertThat(cern.getCause().getKind()).isEqualTo(CauseKind.EVENT);
    assertThat(cern.getTopics().get(0).getTopic()).isEqualTo("physics");

    HttpResponse<String> response = get("/v1/users/twitter:cern");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"userId\":\"twitter:cern\"").contains("\"topic\":\"physics\"")
        .contains("\"updatedAt\":\"2012-07-04T10:00:00Z\"");
  }

  @Test
  void anUnknownUserGetsAJson404() throws Exception {
    HttpResponse<String> response = get("/v1/users/twitter:nobody");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    assertThat(response.body()).contains("\"error\":\"user_not_found\"");
  }

  @Test
  void aRecordThatIsNotAvroLandsInTheDeadLetterTopicWithItsReason() throws Exception {
    byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("interactions.twitter", "k".getBytes(StandardCharsets.UTF_8), garbage)).get();
    }
    await().atMost(PATIENCE).until(() -> scorer.metrics().outcomes(io.influence.scorer.metrics.ScorerMetrics.EventOutcome.DLQ) >= 1);
    List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", "it-dlq", "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Pattern.compile("interactions\\.twitter\\.dlq"));
      await().atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
        return !deadLetters.isEmpty();
      });
    }
    ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
    assertThat(deadLetter.value()).isEqualTo(garbage);
    assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).isEqualTo("undecodable");
  }

  @Test
  void metricsExposeOurCountersAndKafkaStreamsOwn() throws Exception {
    await().atMost(PATIENCE).untilAsserted(() -> {
      String metrics = get("/metrics").body();
      assertThat(metrics).contains("influence_events_consumed_total").contains("kafka_stream_thread").contains("jvm_memory_used_bytes");
    });
  }
  @Test
  void httpRequestsAreTimedByRouteTemplateAndStatusNotByRawPath() throws Exception {
    get("/v1/users/twitter:somebody-else");
    get("/no/such/thing");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/metrics").body())
        .contains("influence_http_requests_seconds_count{instance_id=\"localhost:" + scorer.httpPort()
            + "\",method=\"GET\",route=\"/v1/users/{userId}\",status=\"404\",target=\"local\"}")
        .contains("route=\"unmatched\",status=\"404\"")
        .doesNotContain("somebody-else").doesNotContain("/no/such/thing"));
  }
}
