package io.influence.connector;

import io.influence.schema.InteractionEvent;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A finite, ordered supply of interaction events, such as a file being replayed, that reports what
 * it cannot read instead of dropping it.
 *
 * <p>Each unreadable line is handed to the caller as a {@link RejectedLine} with its line number and
 * the reason, so that a replay can count it and pass it on (log, dead-letter topic); the event
 * stream itself only ever holds valid events.
 */
public interface EventSource {

  /** A short name for logs and rejection reports, such as the file name. */
  String name();

  /**
   * Opens the source and streams its events lazily, in source order. Lines that cannot become an
   * event go to {@code rejections}, in order, at the moment the stream passes them. The stream holds
   * the open source: close it (try-with-resources) when done.
   *
   * @throws IOException when the source cannot be opened; read failures later in the stream are
   *     thrown as {@link java.io.UncheckedIOException}
   */
  Stream<InteractionEvent> events(Consumer<RejectedLine> rejections) throws IOException;
}
