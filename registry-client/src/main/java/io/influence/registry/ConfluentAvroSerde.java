package io.influence.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for generated Avro classes in Confluent's wire format, backed by a schema registry:
 * {@link ConfluentAvroSerializer} and {@link ConfluentAvroDeserializer} together.
 *
 * <p>Two ways to get one: in code, {@link #forValues}/{@link #forKeys} with a client; or by Kafka, as
 * {@code default.value.serde=io.influence.registry.ConfluentAvroSerde} with
 * {@code schema.registry.url} and {@code specific.avro.value.type} (see {@link ConfluentAvroSerdeConfig}).
 *
 * @param <T> the generated Avro class
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final ConfluentAvroSerializer<T> serializer;
  private final ConfluentAvroDeserializer<T> deserializer;

  /** A serde that Kafka configures through {@link #configure}. */
  public ConfluentAvroSerde() {
    this(new ConfluentAvroSerializer<>(), new ConfluentAvroDeserializer<>());
  }

  private ConfluentAvroSerde(ConfluentAvroSerializer<T> serializer, ConfluentAvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** A ready serde for record values of class {@code type}. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forValues(SchemaRegistryClient client, Class<T> type) {
    return new ConfluentAvroSerde<>(new ConfluentAvroSerializer<>(client, false),
        new ConfluentAvroDeserializer<>(client, type));
  }

  /** A ready serde for record keys of class {@code type}. */
  public static <T extends SpecificRecord> ConfluentAvroSerde<T> forKeys(SchemaRegistryClient client, Class<T> type) {
    return new ConfluentAvroSerde<>(new ConfluentAvroSerializer<>(client, true),
        new ConfluentAvroDeserializer<>(client, type));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
