package io.influence.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration keys of our Confluent Avro serdes when Kafka configures them, named as Confluent's
 * own serdes name them so one configuration serves both. {@link RegistryClientSecurity} names the keys
 * for credentials and trusted certificates.
 */
public final class ConfluentAvroSerdeConfig {
  /** The registry's base URL, or several separated by commas. Required. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** The generated Avro class keys are read into, as a class name or a {@code Class}. */
  public static final String KEY_TYPE = "specific.avro.key.type";
  /** The generated Avro class values are read into, as a class name or a {@code Class}. */
  public static final String VALUE_TYPE = "specific.avro.value.type";

  private ConfluentAvroSerdeConfig() {
  }

  /** The client of a serializer or deserializer, refusing use before Kafka or a constructor provided one. */
  static SchemaRegistryClient configured(SchemaRegistryClient client, Object user) {
    if (client == null) {
      throw new IllegalStateException(user.getClass().getSimpleName() + " used before configure(): configure it with "
          + SCHEMA_REGISTRY_URL + " (and, to read, " + KEY_TYPE + " or " + VALUE_TYPE + "), or construct it with a client");
    }
    return client;
  }

  static SchemaRegistryClient client(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url,
          "the Confluent Avro serdes need the schema registry's URL (several may be separated by commas)");
    }
    return new RestSchemaRegistryClient(url.toString(), RestSchemaRegistryClient.Settings.defaults(), RegistryClientListener.NONE,
        RegistryClientSecurity.fromConfigs(configs, url.toString()));
  }

  static <T extends SpecificRecord> Class<T> recordType(Map<String, ?> configs, boolean isKey) {
    String key = isKey ? KEY_TYPE : VALUE_TYPE;
    Object value = configs.get(key);
    if (value == null) {
      throw new ConfigException(key, null, "name the generated Avro class to read "
          + (isKey ? "keys" : "values") + " into, e.g. io.influence.schema.InteractionEvent");
    }
    Class<?> type;
    try {
      type = value instanceof Class<?> given ? given : Class.forName(value.toString().trim());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(key, value, "no such class on the classpath");
    }
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(key, value, "not a generated Avro class (it does not implement SpecificRecord)");
    }
    @SuppressWarnings("unchecked")
    Class<T> recordType = (Class<T>) type;
    return recordType;
  }
}
