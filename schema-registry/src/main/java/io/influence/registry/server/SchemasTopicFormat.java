package io.influence.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.influence.registry.RegistryJson;
import io.influence.registry.server.StoreRecord.CompatibilitySet;
import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.influence.registry.server.StoreRecord.SubjectDeleted;
import io.influence.registry.server.StoreRecord.VersionErased;
import java.util.Optional;

/**
 * The records of the {@code _schemas} topic, in the JSON Confluent's registry writes, so that a Confluent
 * registry can take over our topic and we can replay one of theirs.
 *
 * <ul>
 *   <li>schema version: key {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}}, value
 *       {@code {"subject":s,"version":v,"id":n,"schema":"...","deleted":false}}; a null value erases it;</li>
 *   <li>compatibility: key {@code {"keytype":"CONFIG","subject":s,"magic":0}} (no subject for the
 *       global level), value {@code {"compatibilityLevel":"FULL"}}; a null value removes it;</li>
 *   <li>subject deletion (read only): key {@code {"keytype":"DELETE_SUBJECT","subject":s,"magic":0}},
 *       value {@code {"subject":s,"version":v}}.</li>
 * </ul>
 * Key fields are written in Confluent's order, since compaction matches keys byte for byte. Other key
 * types (NOOP markers, modes, contexts) do not concern us and are skipped.
 */
final class SchemasTopicFormat {
  private static final String SCHEMA = "SCHEMA";
  private static final String CONFIG = "CONFIG";
  private static final String DELETE_SUBJECT = "DELETE_SUBJECT";

  /** A record of the topic; a null value is a tombstone. */
  record Entry(String key, String value) {
  }

  private SchemasTopicFormat() {
  }

  static Entry encode(StoreRecord change) {
    if (change instanceof SchemaVersion version) {
      return new Entry(schemaKey(version.subject(), version.version()), json(RegistryJson.MAPPER.valueToTree(version)));
    }
    if (change instanceof VersionErased erased) {
      return new Entry(schemaKey(erased.subject(), erased.version()), null);
    }
    if (change instanceof CompatibilitySet config) {
      String value = config.level() == null
          ? null
          : json(RegistryJson.MAPPER.createObjectNode().put("compatibilityLevel", config.level().name()));
      return new Entry(key(CONFIG, config.subject(), 0), value);
    }
    throw new IllegalArgumentException("we do not write " + change + " to _schemas; see SchemasTopicFormat");
  }

  /** The change a record of the topic describes, or empty for records that do not concern us. */
  static Optional<StoreRecord> decode(String key, String value) {
    try {
      JsonNode keyJson = RegistryJson.MAPPER.readTree(key);
      String subject = keyJson.path("subject").textValue();
      JsonNode valueJson = value == null ? null : RegistryJson.MAPPER.readTree(value);
      switch (keyJson.path("keytype").asText()) {
        case SCHEMA:
          int version = keyJson.path("version").asInt();
          return Optional.of(valueJson == null
              ? new VersionErased(subject, version)
              : RegistryJson.MAPPER.treeToValue(valueJson, SchemaVersion.class));
        case CONFIG:
          if (valueJson == null) {
            return Optional.of(new CompatibilitySet(subject, null));
          }
          // Newer Confluent config values may carry other settings and no level: nothing for us then.
          return CompatibilityLevel.parse(valueJson.path("compatibilityLevel").textValue())
              .map(level -> new CompatibilitySet(subject, level));
        case DELETE_SUBJECT:
          return valueJson == null
              ? Optional.empty()
              : Optional.of(new SubjectDeleted(subject, valueJson.path("version").asInt()));
        default:
          return Optional.empty();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("_schemas holds a record that is not Confluent's JSON: key " + key
          + ", value " + value + " (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static String schemaKey(String subject, int version) {
    return json(RegistryJson.MAPPER.createObjectNode()
        .put("keytype", SCHEMA).put("subject", subject).put("version", version).put("magic", 1));
  }

  private static String key(String keytype, String subject, int magic) {
    ObjectNode key = RegistryJson.MAPPER.createObjectNode().put("keytype", keytype);
    if (subject != null) {
      key.put("subject", subject);
    }
    return json(key.put("magic", magic));
  }

  private static String json(JsonNode node) {
    return node.toString();
  }
}
