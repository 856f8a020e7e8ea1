package io.influence.connector.live;

import io.influence.schema.InteractionEvent;
import java.time.Instant;
import java.util.List;

/**
 * What one frame becomes: the events to publish (none when the frame is skipped), the position in the
 * stream it stands at, and when the network saw it.
 *
 * @param events the interaction events, in the order to publish them
 * @param cursor the frame's position for resuming, or null when the frame has none (a Mastodon delete)
 * @param streamTime when the network recorded the frame, for the connector's lag; null when unknown
 * @param skippedAs why a frame that is understood maps to nothing ({@code delete}, {@code identity}...),
 *     null when it maps to events
 * @param erasedUsers the user ids ({@code <network>:<account>}) whose accounts the network says are
 *     deleted: each becomes an ErasureRequest, so the scorer forgets them
 */
public record FrameMapping(List<InteractionEvent> events, String cursor, Instant streamTime, String skippedAs,
    List<String> erasedUsers) {

  public FrameMapping(List<InteractionEvent> events, String cursor, Instant streamTime, String skippedAs) {
    this(events, cursor, streamTime, skippedAs, List.of());
  }

  /** A frame saying an account was deleted: no events, and the erasure of {@code userId}. */
  public static FrameMapping accountDeleted(String userId, String cursor, Instant streamTime) {
    return new FrameMapping(List.of(), cursor, streamTime, "account-deleted", List.of(userId));
  }

  public static FrameMapping events(List<InteractionEvent> events, String cursor, Instant streamTime) {
    return new FrameMapping(List.copyOf(events), cursor, streamTime, null);
  }

  public static FrameMapping skipped(String reason, String cursor, Instant streamTime) {
    return new FrameMapping(List.of(), cursor, streamTime, reason);
  }
}
