package io.influence.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;

/**
 * The JSON of Confluent's REST API: media types and the request and response bodies, shared by our
 * client and our server so that both sides agree on one definition of each body.
 */
public final class RegistryJson {
  /** What Confluent's registry answers with and its clients send. */
  public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  /** The Accept header of Confluent's clients: most specific first. */
  public static final String ACCEPT = MEDIA_TYPE + ", application/vnd.schemaregistry+json, application/json";
  /** Request bodies Confluent's registry accepts (octet-stream is its "generic request"). */
  public static final Set<String> REQUEST_MEDIA_TYPES = Set.of(
      MEDIA_TYPE, "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

  /** Tolerates fields we do not know: Confluent adds some in every release (metadata, ruleSet, ...). */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RegistryJson() {
  }

  /** Body of register, lookup and compatibility requests; only Avro without references is supported. */
  public record SchemaRequest(String schema, String schemaType, List<JsonNode> references) {
    SchemaRequest(String schema) {
      this(schema, null, null);
    }
  }

  /** Answer to a registration. */
  public record IdResponse(int id) {
  }

  /** Answer to {@code GET /schemas/ids/{id}}. */
  public record SchemaResponse(String schema) {
  }

  /** Answer to a version or lookup request. */
  public record SubjectVersionResponse(String subject, int version, int id, String schema) {
  }

  /** Answer to a compatibility test; the reasons only when asked with {@code verbose=true}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CompatibilityResponse(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
  }

  /** Answer to {@code GET /config}: Confluent names the field differently from the update. */
  public record ConfigResponse(String compatibilityLevel) {
  }

  /** Body and answer of {@code PUT /config}; the request may also use {@code compatibilityLevel}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ConfigUpdate(String compatibility, String compatibilityLevel) {
    public ConfigUpdate(String compatibility) {
      this(compatibility, null);
    }

    public String level() {
      return compatibility != null ? compatibility : compatibilityLevel;
    }
  }

  /** Every error answer. */
  public record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
  }

  public static byte[] write(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
    }
  }

  public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
    return MAPPER.readValue(json, type);
  }
}
