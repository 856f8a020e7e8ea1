package io.influence.connector.live;

import java.util.function.Supplier;

/**
 * A network's live stream: connects, reads frames into a {@link FrameQueue}, and reconnects with backoff
 * when the connection drops, stalls or fails, until closed. It resumes from {@code resumeFrom} at each
 * connection, the cursor of the last frame the connector has taken.
 */
public interface StreamSource extends AutoCloseable {
  /** Starts reading on threads of the source's own; returns at once. */
  void start(Supplier<String> resumeFrom, FrameQueue queue);

  /** Stops reading and waits for the reader to end; frames already queued stay queued. */
  @Override
  void close() throws InterruptedException;
}
