package io.influence.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads JSON Lines: one {@link InteractionEvent} per line as a JSON object with the Avro contract's
 * field names, for connectors that export files and for hand-written test data. For example:
 *
 * <pre>{@code
 * {"eventId":"e1","network":"twitter","type":"SHARE","actorAccount":"a","targetAccount":"b","topics":["cooking"],"occurredAt":"2026-11-26T10:00:00Z"}
 * }</pre>
 *
 * <p>{@code occurredAt} is ISO-8601 with an offset, or epoch milliseconds. Optional fields that are
 * missing or null take the schema's defaults; fields the contract does not know are ignored, so a
 * newer writer does not break an older reader. A line that breaks a rule is rejected with the rule
 * it breaks. docs/CONNECTORS.md describes the format field by field.
 */
public final class JsonlEventReader extends TextFileEventSource {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final String KNOWN_TYPES = Arrays.stream(InteractionType.values())
      .map(Enum::name).collect(Collectors.joining(", "));

  /** Reads the whole file. */
  public JsonlEventReader(Path file) {
    this(file, Instant.MAX);
  }

  /**
   * Reads the file up to, not including, the first event at or after {@code until}: meant for files
   * sorted by {@code occurredAt}.
   */
  public JsonlEventReader(Path file, Instant until) {
    super(file, until);
  }

  @Override
  protected InteractionEvent parse(String line, long lineNumber) throws MalformedLineException {
    JsonNode json = readObject(line);
    String network = requiredString(json, "network");
    try {
      InteractionTopics.normalisedNetwork(network);
    } catch (IllegalArgumentException e) {
      throw new MalformedLineException(e.getMessage());
    }
    InteractionType type = typeOf(requiredString(json, "type"));
    String targetAccount = optionalString(json, "targetAccount");
    if (targetAccount == null && type != InteractionType.POST) {
      throw new MalformedLineException("targetAccount is required for " + type + "; only a POST has no target");
    }
    return InteractionEvent.newBuilder()
        .setEventId(requiredString(json, "eventId"))
        .setNetwork(network)
        .setType(type)
        .setActorAccount(requiredString(json, "actorAccount"))
        .setTargetAccount(targetAccount)
        .setContentId(optionalString(json, "contentId"))
        .setTopics(topicsOf(json))
        .setText(optionalString(json, "text"))
        .setOccurredAt(occurredAtOf(json))
        .build();
  }

  private static JsonNode readObject(String line) throws MalformedLineException {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new MalformedLineException("not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (!json.isObject()) {
      throw new MalformedLineException("expected a JSON object, found " + json.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return json;
  }

  private static String requiredString(JsonNode json, String field) throws MalformedLineException {
    String value = optionalString(json, field);
    if (value == null || value.isBlank()) {
      throw new MalformedLineException(field + " is required and must not be blank");
    }
    return value;
  }

  /** The field's text; null when it is missing or null. */
  private static String optionalString(JsonNode json, String field) throws MalformedLineException {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedLineException(field + " must be a string, found " + value);
    }
    return value.textValue();
  }

  private static InteractionType typeOf(String name) throws MalformedLineException {
    try {
      return InteractionType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MalformedLineException("type '" + name + "' is not one of " + KNOWN_TYPES);
    }
  }

  private static List<String> topicsOf(JsonNode json) throws MalformedLineException {
    JsonNode topics = json.get("topics");
    if (topics == null || topics.isNull()) {
      return List.of();
    }
    if (!topics.isArray()) {
      throw new MalformedLineException("topics must be an array of strings, found " + topics);
    }
    List<String> result = new ArrayList<>(topics.size());
    for (int i = 0; i < topics.size(); i++) {
      JsonNode topic = topics.get(i);
      if (!topic.isTextual()) {
        throw new MalformedLineException("topics[" + i + "] must be a string, found " + topic);
      }
      result.add(topic.textValue());
    }
    return result;
  }

  private static Instant occurredAtOf(JsonNode json) throws MalformedLineException {
    JsonNode value = json.get("occurredAt");
    String expected = "an ISO-8601 time with an offset (2026-11-26T10:00:00Z) or whole epoch milliseconds";
    try {
      Instant instant;
      if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
        instant = Instant.ofEpochMilli(value.longValue());
      } else if (value != null && value.isTextual()) {
        instant = OffsetDateTime.parse(value.textValue()).toInstant();
        instant.toEpochMilli(); // fails for times Avro's timestamp-millis cannot hold
      } else {
        throw new MalformedLineException("occurredAt is required: " + expected + ", found " + value);
      }
      return instant;
    } catch (DateTimeException | ArithmeticException e) {
      throw new MalformedLineException("occurredAt " + value + " is not " + expected);
    }
  }
}
