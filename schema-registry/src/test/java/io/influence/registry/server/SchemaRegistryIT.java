package io.influence.registry.server;

import static io.influence.registry.server.TestSchemas.USER;
import static io.influence.registry.server.TestSchemas.USER_WITH_AGE;
import static io.influence.registry.server.TestSchemas.USER_WITHOUT_NAME;
import static io.influence.registry.server.TestSchemas.canonical;
import static io.influence.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.influence.embedded.BrokerWithAdmin;
import io.influence.registry.ConfluentAvroDeserializer;
import io.influence.registry.ConfluentAvroSerdeConfig;
import io.influence.registry.ConfluentAvroSerializer;
import io.influence.registry.RegisteredSchema;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.registry.Subjects;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded registry on a real broker: its state in {@code _schemas}, and the serdes through a topic. */
class SchemaRegistryIT {
  @RegisterExtension
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @Test
  void schemaIdsVersionsAndLevelsSurviveARegistryRestartOnTheSameBroker() {
    int userId;
    int userWithAgeId;
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      userId = client.register("restart-value", parse(USER));
      userWithAgeId = client.register("restart-value", parse(USER_WITH_AGE));
      RegistryHttp http = new RegistryHttp(registry.url());
      http.put("/config/restart-value", "{\"compatibility\":\"FULL\"}");
      http.delete("/subjects/restart-value/versions/1");
    }

    try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
      RegistryHttp http = new RegistryHttp(restarted.url());
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(restarted.url());

      assertThat(client.schemaById(userId)).isEqualTo(parse(USER));
      assertThat(client.latest("restart-value"))
          .isEqualTo(new RegisteredSchema("restart-value", userWithAgeId, 2, parse(USER_WITH_AGE)));
      assertThat(http.get("/subjects/restart-value/versions").body().toString()).isEqualTo("[2]");
      assertThat(http.get("/config/restart-value").body().path("compatibilityLevel").asText()).isEqualTo("FULL");
      assertThat(client.register("restart-value", parse(USER_WITH_AGE))).isEqualTo(userWithAgeId);
      assertThat(client.register("another-value", parse(USER_WITHOUT_NAME))).isGreaterThan(userWithAgeId);
    }
  }

  @Test
  void theRegistryKeepsItsStateInACompactedSingle_schemasPartitionInConfluentsFormat() throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
      new RestSchemaRegistryClient(registry.url()).register("format-value", parse(USER));
    }

    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, KafkaSchemaStore.TOPIC);
    Config config = kafka.admin().describeConfigs(List.of(topic)).all().get().get(topic);
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(kafka.admin().describeTopics(List.of(KafkaSchemaStore.TOPIC)).allTopicNames().get()
        .get(KafkaSchemaStore.TOPIC).partitions()).hasSize(1);
    assertThat(readSchemasTopic()).anySatisfy(record -> {
      assertThat(record.key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"format-value\",\"version\":1,\"magic\":1}");
      assertThat(RegistryHttp.parse(record.value()).path("schema").asText()).isEqualTo(canonical(USER));
    });
  }

  @Test
  void theSerdesCarryRecordsAndTombstonesThroughARealTopic() throws Exception {
    String topic = "interactions.it";
    kafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    InteractionEvent event = InteractionEvent.newBuilder()
        .setEventId("it-1").setNetwork("bluesky").setType(InteractionType.REPLY).setActorAccount("carol")
        .setTargetAccount("dave").setTopics(List.of("avro")).setOccurredAt(Instant.parse("2024-02-29T12:00:00Z"))
        .build();

    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
      try (KafkaProducer<String, InteractionEvent> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
          ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()))) {
        producer.send(new ProducerRecord<>(topic, "it-1", event)).get();
        producer.send(new ProducerRecord<>(topic, "it-1", null)).get();
      }

      List<ConsumerRecord<String, InteractionEvent>> received = new ArrayList<>();
      try (KafkaConsumer<String, InteractionEvent> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "serde-it",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
          ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
          ConfluentAvroSerdeConfig.VALUE_TYPE, InteractionEvent.class.getName()))) {
        consumer.subscribe(Set.of(topic));
        for (int poll = 0; poll < 40 && received.size() < 2; poll++) {
          consumer.poll(Duration.ofMillis(250)).forEach(received::add);
        }
      }

      assertThat(received).extracting(ConsumerRecord::value).containsExactly(event, null);
      assertThat(new RestSchemaRegistryClient(registry.url()).latest(Subjects.forValue(topic)).schema())
          .isEqualTo(InteractionEvent.getClassSchema());
    }
  }

  private static List<ConsumerRecord<String, String>> readSchemasTopic() {
    TopicPartition partition = new TopicPartition(KafkaSchemaStore.TOPIC, 0);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(250)).forEach(records::add);
      }
    }
    return records;
  }
}
