package io.influence.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format, registering each record's schema under the
 * topic's subject ({@link Subjects}) on first use; the client's cache makes that one registration per
 * schema and subject. A null record is written as null, so tombstones stay tombstones.
 *
 * @param <T> the generated Avro class
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  private final Map<Class<?>, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private boolean isKey;

  /** A serializer that Kafka configures through {@link #configure}, from {@code schema.registry.url}. */
  public ConfluentAvroSerializer() {
  }

  /** A ready serializer of keys (when {@code isKey}) or values; {@link #configure} leaves it as it is. */
  public ConfluentAvroSerializer(SchemaRegistryClient client, boolean isKey) {
    this.client = client;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      this.client = ConfluentAvroSerdeConfig.client(configs);
      this.isKey = isKey;
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    String subject = Subjects.forTopic(topic, isKey);
    int schemaId;
    try {
      schemaId = ConfluentAvroSerdeConfig.configured(client, this).register(subject, data.getSchema());
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot register the schema of " + data.getSchema().getFullName()
          + " under subject '" + subject + "' for topic '" + topic + "': " + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(schemaId));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writerFor(data).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write a " + data.getSchema().getFullName() + " for topic '" + topic
          + "' in Avro: " + e, e);
    }
    return out.toByteArray();
  }

  /** The class's own model, which knows its logical types (timestamp-millis as Instant). */
  private DatumWriter<T> writerFor(T data) {
    return writers.computeIfAbsent(data.getClass(),
        type -> new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForClass(type)));
  }
}
