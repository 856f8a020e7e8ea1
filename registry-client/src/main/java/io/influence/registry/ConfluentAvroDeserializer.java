package io.influence.registry;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format into a generated Avro class. Each record names its writer
 * schema by id; the deserializer fetches that schema once and resolves the writer's data into the
 * class's schema with Avro's schema resolution, so records written with an older (or newer, compatible)
 * schema read into the current class: missing fields take their defaults, unknown enum symbols their
 * enum default. Null bytes are read as null.
 *
 * @param <T> the generated Avro class
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  /** One resolving reader per writer schema id: building one compares the two schemas. */
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private Class<T> type;

  /**
   * A deserializer that Kafka configures through {@link #configure}, from {@code schema.registry.url}
   * and {@code specific.avro.key.type} or {@code specific.avro.value.type}.
   */
  public ConfluentAvroDeserializer() {
  }

  /** A ready deserializer into {@code type}; {@link #configure} leaves it as it is. */
  public ConfluentAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.type = type;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      this.type = ConfluentAvroSerdeConfig.recordType(configs, isKey);
      this.client = ConfluentAvroSerdeConfig.client(configs);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int schemaId = WireFormat.schemaId(topic, data);
    DatumReader<T> reader = readerFor(topic, schemaId);
    try {
      return reader.read(null, DecoderFactory.get()
          .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot read a record from topic '" + topic + "' written with schema id "
          + schemaId + " into " + type.getName() + ": " + e
          + (e instanceof SecurityException
              ? " (trust the package with -Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + type.getPackageName() + ")"
              : ""), e);
    }
  }

  private DatumReader<T> readerFor(String topic, int schemaId) {
    DatumReader<T> reader = readers.get(schemaId);
    if (reader == null) {
      Schema writerSchema = writerSchema(topic, schemaId);
      SpecificData model = SpecificData.getForClass(type);
      reader = new SpecificDatumReader<>(writerSchema, model.getSchema(type), model);
      readers.putIfAbsent(schemaId, reader);
    }
    return reader;
  }

  private Schema writerSchema(String topic, int schemaId) {
    try {
      return ConfluentAvroSerdeConfig.configured(client, this).schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      String problem = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
          ? "unknown schema id " + schemaId + ": the registry has no such schema (was the record written against"
              + " another registry?)"
          : "cannot fetch writer schema id " + schemaId;
      throw new SerializationException("Record from topic '" + topic + "': " + problem + ". " + e.getMessage(), e);
    }
  }
}
