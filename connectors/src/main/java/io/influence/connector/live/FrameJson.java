package io.influence.connector.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.util.List;

/** What both networks' mappers do alike: read a frame's JSON object, and build the events it yields. */
public final class FrameJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FrameJson() {}

  /**
   * @throws UnmappableFrameException {@code invalid-json} when the text is not one JSON object
   */
  public static JsonNode object(String text) throws UnmappableFrameException {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new UnmappableFrameException("invalid-json", "the frame is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new UnmappableFrameException("invalid-json", "the frame is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An interaction event; {@code target} is null for a POST. */
  public static InteractionEvent event(String network, String eventId, InteractionType type, String actor, String target,
      String contentId, List<String> topics, String text, Instant occurredAt) {
    return new InteractionEvent(eventId, network, type, actor, target, contentId, topics, text, occurredAt);
  }
}
