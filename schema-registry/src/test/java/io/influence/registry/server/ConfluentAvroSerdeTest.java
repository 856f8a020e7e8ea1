package io.influence.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.ConfluentAvroSerdeConfig;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.registry.Subjects;
import io.influence.registry.WireFormat;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {
  private static final String TOPIC = "interactions.twitter";

  private final CountingRegistryClient registry = new CountingRegistryClient();
  private final ConfluentAvroSerde<InteractionEvent> serde = ConfluentAvroSerde.forValues(registry, InteractionEvent.class);

  private static InteractionEvent share() {
    return InteractionEvent.newBuilder()
        .setEventId("tw-1")
        .setNetwork("twitter")
        .setType(InteractionType.SHARE)
        .setActorAccount("alice")
        .setTargetAccount("bob")
        .setTopics(List.of("kafka", "streams"))
        .setOccurredAt(Instant.parse("2012-07-01T00:02:52Z"))
        .build();
  }

  private byte[] serialize(InteractionEvent event) {
    return serde.serializer().serialize(TOPIC, event);
  }

  private InteractionEvent deserialize(byte[] bytes) {
    return serde.deserializer().deserialize(TOPIC, bytes);
  }

  /** A record written by another producer with {@code writer}, framed as Confluent's serializers frame it. */
  private byte[] writtenWith(Schema writer, GenericRecord record) {
    int id = registry.register(Subjects.forValue(TOPIC), writer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void aRecordReadsBackEqual() {
    assertThat(deserialize(serialize(share()))).isEqualTo(share());
  }

  @Test
  void theBytesAreMagicByteZeroThenTheRegisteredIdBigEndianThenAvro() {
    byte[] bytes = serialize(share());

    int id = registry.latest(Subjects.forValue(TOPIC)).id();
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, 5);
    assertThat(header.get()).isEqualTo((byte) 0);
    assertThat(header.getInt()).isEqualTo(id);
    assertThat(bytes.length).isGreaterThan(5);
  }

  @Test
  void valuesAreRegisteredUnderTopicValueAndKeysUnderTopicKey() {
    serialize(share());
    ConfluentAvroSerde.forKeys(registry, InteractionEvent.class).serializer().serialize("by-key", share());

    assertThat(registry.subjects()).containsExactlyInAnyOrder("interactions.twitter-value", "by-key-key");
  }

  @Test
  void nullIsWrittenAndReadAsNullSoTombstonesStayTombstones() {
    assertThat(serialize(null)).isNull();
    assertThat(deserialize(null)).isNull();
    assertThat(registry.registrations).isZero();
  }

  @Test
  void eachWriterSchemaIsFetchedOnceForAllItsRecords() {
    byte[] bytes = serialize(share());

    deserialize(bytes);
    deserialize(bytes);
    deserialize(serialize(share()));

    assertThat(registry.fetches).isEqualTo(1);
  }

  @Test
  void aRecordWrittenWithAnOlderSchemaReadsIntoTheCurrentClassWithDefaults() {
    Schema older = TestSchemas.parse("""
        {"type":"record","name":"InteractionEvent","namespace":"io.influence.schema","fields":[
          {"name":"eventId","type":"string"},
          {"name":"network","type":"string"},
          {"name":"type","type":{"type":"enum","name":"InteractionType","symbols":["UNKNOWN","SHARE","REPOST"],
                                 "default":"UNKNOWN"}},
          {"name":"actorAccount","type":"string"},
          {"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
    GenericRecord record = new GenericData.Record(older);
    record.put("eventId", "tw-0");
    record.put("network", "twitter");
    record.put("type", new GenericData.EnumSymbol(older.getField("type").schema(), "REPOST"));
    record.put("actorAccount", "alice");
    record.put("occurredAt", 1_341_100_972_000L);

    InteractionEvent event = deserialize(writtenWith(older, record));

    assertThat(event.getEventId()).isEqualTo("tw-0");
    assertThat(event.getType()).as("a symbol the reader does not know").isEqualTo(InteractionType.UNKNOWN);
    assertThat(event.getTopics()).isEmpty();
    assertThat(event.getTargetAccount()).isNull();
    assertThat(event.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_341_100_972_000L));
  }

  @Test
  void aRecordWrittenWithANewerSchemaSkipsTheFieldsTheClassDoesNotKnow() {
    Schema newer = TestSchemas.parse(InteractionEvent.getClassSchema().toString()
        .replace("\"fields\":[", "\"fields\":[{\"name\":\"lang\",\"type\":\"string\",\"default\":\"en\"},"));
    GenericRecord record = new GenericData.Record(newer);
    InteractionEvent current = share();
    for (Schema.Field field : InteractionEvent.getClassSchema().getFields()) {
      record.put(field.name(), GenericData.get().deepCopy(field.schema(), current.get(field.pos())));
    }
    record.put("type", new GenericData.EnumSymbol(newer.getField("type").schema(), "SHARE"));
    record.put("occurredAt", current.getOccurredAt().toEpochMilli());
    record.put("lang", "de");

    assertThat(deserialize(writtenWith(newer, record))).isEqualTo(current);
  }

  @Test
  void anUnknownMagicByteIsRefusedNamingTheTopic() {
    byte[] bytes = serialize(share());
    bytes[0] = 7;

    assertThatThrownBy(() -> deserialize(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("magic byte 7");
  }

  @Test
  void aPayloadShorterThanTheHeaderIsRefusedNamingTheTopic() {
    assertThatThrownBy(() -> deserialize(new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("3 bytes, too short");
  }

  @Test
  void anUnknownSchemaIdIsRefusedNamingTheTopicAndTheId() {
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(4242).put((byte) 2).array();

    assertThatThrownBy(() -> deserialize(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("unknown schema id 4242");
  }

  @Test
  void aTruncatedAvroPayloadIsRefusedNamingTheTopicAndTheClass() {
    byte[] bytes = serialize(share());
    byte[] truncated = java.util.Arrays.copyOf(bytes, 8);

    assertThatThrownBy(() -> deserialize(truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining(InteractionEvent.class.getName());
  }

  @Test
  void anUnreachableRegistryFailsSerializationNamingTopicSubjectAndRegistry() {
    String url = ScriptedRegistry.unreachableUrl();
    RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(url,
        new RestSchemaRegistryClient.Settings(Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO));
    ConfluentAvroSerde<InteractionEvent> offline = ConfluentAvroSerde.forValues(unreachable, InteractionEvent.class);

    assertThatThrownBy(() -> offline.serializer().serialize(TOPIC, share()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("interactions.twitter-value")
        .hasMessageContaining("unreachable")
        .hasMessageContaining(url);
    assertThatThrownBy(() -> offline.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("unreachable");
  }

  @Test
  void kafkaCanConfigureTheSerdeFromTheRegistryUrlAndTheRecordType() {
    try (EmbeddedSchemaRegistry embedded = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), 0)) {
      ConfluentAvroSerde<InteractionEvent> configured = new ConfluentAvroSerde<>();
      configured.configure(Map.of(
          ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL, embedded.url(),
          ConfluentAvroSerdeConfig.VALUE_TYPE, InteractionEvent.class.getName()), false);

      byte[] bytes = configured.serializer().serialize(TOPIC, share());

      assertThat(configured.deserializer().deserialize(TOPIC, bytes)).isEqualTo(share());
      assertThat(new RegistryHttp(embedded.url()).get("/subjects").body().toString())
          .isEqualTo("[\"interactions.twitter-value\"]");
    }
  }

  @Test
  void aSerdeUsedBeforeItWasConfiguredSaysWhatItNeeds() {
    ConfluentAvroSerde<InteractionEvent> unconfigured = new ConfluentAvroSerde<>();

    assertThatThrownBy(() -> unconfigured.serializer().serialize(TOPIC, share()))
        .hasMessageContaining("ConfluentAvroSerializer used before configure()")
        .hasMessageContaining(ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL);
    assertThatThrownBy(() -> unconfigured.deserializer().deserialize(TOPIC, serialize(share())))
        .hasMessageContaining("ConfluentAvroDeserializer used before configure()")
        .hasMessageContaining(ConfluentAvroSerdeConfig.VALUE_TYPE);
  }

  @Test
  void aConfigurationWithoutUrlOrWithAClassThatIsNotAvroIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new ConfluentAvroSerde<InteractionEvent>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL);
    assertThatThrownBy(() -> new ConfluentAvroSerde<InteractionEvent>().configure(Map.of(
        ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1",
        ConfluentAvroSerdeConfig.KEY_TYPE, String.class), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ConfluentAvroSerdeConfig.KEY_TYPE)
        .hasMessageContaining("SpecificRecord");
  }
}
