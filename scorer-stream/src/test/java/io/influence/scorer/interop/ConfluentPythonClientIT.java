package io.influence.scorer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.connector.InteractionTopics;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.registry.RegisteredSchema;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with Confluent's own client: Debian's {@code python3-confluent-kafka} publishes
 * interaction events through our embedded Schema Registry to a real broker, the scorer scores them,
 * and the same client reads the scores back through the registry. The Python peers are in
 * {@code src/test/python}; {@code string_key_clients.py} there explains how they keep keys plain strings.
 */
class ConfluentPythonClientIT {
  /** The scorer's state, deleted after the tests. */
  @TempDir
  static Path state;

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final long PRODUCER_TIMEOUT_SECONDS = 60;
  private static final long CONSUMER_TIMEOUT_SECONDS = 60;
  /** The consumer gives up by itself after CONSUMER_TIMEOUT_SECONDS; this is for a process that hangs. */
  private static final long CONSUMER_KILL_SECONDS = CONSUMER_TIMEOUT_SECONDS + 30;
  /**
   * Three, because with two or four partitions librdkafka's default CRC32 partitioner happens to put
   * both keys below where Java's murmur2 does, and the partition check could not fail.
   */
  private static final int PARTITIONS = 3;
  private static final String TOPIC = InteractionTopics.topicFor("twitter");
  private static final String SCORES_TOPIC = "influence-scores";
  private static final Path INTERACTION_EVENT_SCHEMA = Path.of(System.getProperty("basedir", "."), "..", "schemas",
      "InteractionEvent.avsc");
  private static final ObjectMapper json = new ObjectMapper();

  private static final Instant JULY_2012 = Instant.parse("2012-07-04T09:00:00Z");
  private static final List<InteractionEvent> EVENTS = List.of(
      event("py1", InteractionType.SHARE, "alice", "cern", "#Physics", JULY_2012),
      event("py2", InteractionType.MENTION, "bob", "cern", "#Physics", JULY_2012.plusSeconds(3600)),
      event("py3", InteractionType.REPLY, "carol", "esa", "#Space", JULY_2012.plusSeconds(7200)),
      event("py4", InteractionType.SHARE, "dave", "esa", "#Space", JULY_2012.plusSeconds(10800)));

  private static EmbeddedStack stack;
  private static ScorerService scorer;
  private static DebianPython.Run produced;

  @BeforeAll
  static void start() throws Exception {
    DebianPython.requireConfluentAvroClient();
    stack = EmbeddedStack.startOnFreePorts();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      // Auto-creation is off; the scorer's input pattern finds a topic that exists when it starts at once.
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
    }
    scorer = ScorerService.start(stack.scorerConfig(state, FreePorts.next()).with(Map.of(
        "commit.interval", "200ms")), Clock.systemUTC());

    String records = EVENTS.stream().map(ConfluentPythonClientIT::producerInput).collect(Collectors.joining("\n"));
    produced = DebianPython.script("produce_interactions.py", List.of(
        "--bootstrap-servers", stack.bootstrapServers(),
        "--schema-registry-url", stack.schemaRegistryUrl(),
        "--topic", TOPIC,
        "--value-schema", INTERACTION_EVENT_SCHEMA.toString()), records, PRODUCER_TIMEOUT_SECONDS);
    assertThat(produced.exitCode()).as(produced.describe("produce_interactions.py")).isZero();
  }

  @AfterAll
  static void stop() {
    if (scorer != null) {
      scorer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void confluentsProducerRegistersTheContractsInteractionEventInOurRegistryUnderTheTopicsValueSubject() throws IOException {
    RegisteredSchema registered = new RestSchemaRegistryClient(stack.schemaRegistryUrl()).latest(TOPIC + "-value");
    assertThat(registered.schema()).isEqualTo(new Schema.Parser().parse(INTERACTION_EVENT_SCHEMA.toFile()));
  }

  @Test
  void confluentsProducerKeysEachEventAsAPlainStringInThePartitionJavasProducerWouldChoose() {
    assertThat(produced.stdout()).as(produced.describe("produce_interactions.py")).hasSize(EVENTS.size());
    int schemaId = new RestSchemaRegistryClient(stack.schemaRegistryUrl()).latest(TOPIC + "-value").id();
    List<ConsumerRecord<byte[], byte[]>> records = readAll(TOPIC, EVENTS.size());

    assertThat(records).extracting(record -> new String(record.key(), StandardCharsets.UTF_8) + " at " + record.timestamp())
        .containsExactlyInAnyOrderElementsOf(EVENTS.stream()
            .map(event -> InteractionTopics.keyFor(event) + " at " + event.getOccurredAt().toEpochMilli()).toList());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      assertThat(record.partition()).as("partition of " + new String(record.key(), StandardCharsets.UTF_8))
          .isEqualTo(BuiltInPartitioner.partitionForKey(record.key(), PARTITIONS));
      ByteBuffer value = ByteBuffer.wrap(record.value());
      assertThat(value.get()).as("Confluent magic byte").isZero();
      assertThat(value.getInt()).as("schema id").isEqualTo(schemaId);
    }
  }

  @Test
  void theScorerScoresThoseEventsAndConfluentsConsumerDecodesTheScoresThroughOurRegistry() throws Exception {
    DebianPython.Run consumed = DebianPython.script("consume_scores.py", List.of(
        "--bootstrap-servers", stack.bootstrapServers(),
        "--schema-registry-url", stack.schemaRegistryUrl(),
        "--topic", SCORES_TOPIC,
        "--until-causes", "py1,py2,py3,py4",
        "--timeout", String.valueOf(CONSUMER_TIMEOUT_SECONDS)), "", CONSUMER_KILL_SECONDS);
    String context = consumed.describe("consume_scores.py");
    assertThat(consumed.exitCode()).as(context).isZero();

    Map<String, List<JsonNode>> scoresByUser = new LinkedHashMap<>();
    for (String line : consumed.stdout()) {
      JsonNode record = json.readTree(line);
      JsonNode score = record.get("value");
      assertThat(record.get("topic").asText()).as(context).isEqualTo(SCORES_TOPIC);
      assertThat(record.get("key").asText()).as(context).isEqualTo(score.get("userId").asText());
      assertThat(score.get("score").asDouble()).as(context).isGreaterThan(1.0).isLessThanOrEqualTo(100.0);
      assertThat(score.get("cause").get("kind").asText()).as(context).isEqualTo("EVENT");
      scoresByUser.computeIfAbsent(score.get("userId").asText(), user -> new ArrayList<>()).add(score);
    }
    assertThat(scoresByUser).as(context).containsOnlyKeys("twitter:cern", "twitter:esa");
    assertScores(scoresByUser.get("twitter:cern"), context, "physics", List.of("py1", "py2"));
    assertScores(scoresByUser.get("twitter:esa"), context, "space", List.of("py3", "py4"));
  }

  /**
   * Each event raised its target's score, and the score says which event, by whom, on which topic, as
   * of when. Events from different actors travel in different partitions (records are keyed by actor),
   * so a target's updates may come in either order.
   */
  private static void assertScores(List<JsonNode> scores, String context, String topic, List<String> eventIds) {
    assertThat(scores).as(context).extracting(score -> score.get("cause").get("eventId").asText())
        .containsExactlyInAnyOrderElementsOf(eventIds);
    for (int i = 0; i < scores.size(); i++) {
      JsonNode score = scores.get(i);
      String eventId = score.get("cause").get("eventId").asText();
      InteractionEvent cause = EVENTS.stream().filter(event -> event.getEventId().equals(eventId)).findFirst().orElseThrow();
      assertThat(score.get("cause").get("actorId").asText()).as(context).isEqualTo("twitter:" + cause.getActorAccount());
      assertThat(score.get("cause").get("interactionType").asText()).as(context).isEqualTo(cause.getType().name());
      assertThat(score.get("topics").get(0).get("topic").asText()).as(context).isEqualTo(topic);
      assertThat(OffsetDateTime.parse(score.get("updatedAt").asText()).toInstant()).as(context).isAfterOrEqualTo(cause.getOccurredAt());
      if (i > 0) {
        assertThat(score.get("previousScore").asDouble()).as(context).isEqualTo(scores.get(i - 1).get("score").asDouble());
        assertThat(score.get("score").asDouble()).as(context).isGreaterThan(score.get("previousScore").asDouble());
      }
    }
  }

  private static InteractionEvent event(String id, InteractionType type, String actor, String target, String topic,
      Instant at) {
    return InteractionEvent.newBuilder()
        .setEventId(id).setNetwork("twitter").setType(type)
        .setActorAccount(actor).setTargetAccount(target)
        .setTopics(List.of(topic)).setOccurredAt(at)
        .build();
  }

  /** One line for produce_interactions.py: the key by our contract, the event as Avro's JSON datum. */
  private static String producerInput(InteractionEvent event) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("eventId", event.getEventId());
    value.put("network", event.getNetwork());
    value.put("type", event.getType().name());
    value.put("actorAccount", event.getActorAccount());
    value.put("targetAccount", event.getTargetAccount());
    value.put("contentId", event.getContentId());
    value.put("topics", event.getTopics());
    value.put("text", event.getText());
    value.put("occurredAt", event.getOccurredAt().toEpochMilli());
    try {
      return json.writeValueAsString(Map.of("key", InteractionTopics.keyFor(event), "value", value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", "interop-it-raw", "auto.offset.reset", "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await().atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= count;
      });
    }
    return records;
  }
}
