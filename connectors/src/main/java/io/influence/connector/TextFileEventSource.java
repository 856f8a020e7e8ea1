package io.influence.connector;

import static java.util.Objects.requireNonNull;

import io.influence.schema.InteractionEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An {@link EventSource} over a text file with one event per line ({@link LineSource}: plain or
 * gzipped, numbered from 1, read in constant memory). Reading stops before the first event that
 * occurred at or after {@code until}, which suits files sorted by time (like SNAP's Higgs file): a
 * replay can end at a chosen moment without reading the rest.
 */
public abstract class TextFileEventSource extends LineSource<InteractionEvent> implements EventSource {
  private final Instant until;

  /**
   * @param file the file to read, plain or gzipped
   * @param until the first instant not to read: reading stops at the first event at or after it;
   *     {@link Instant#MAX} reads the whole file
   */
  protected TextFileEventSource(Path file, Instant until) {
    super(file);
    this.until = requireNonNull(until, "until");
  }

  @Override
  public final Stream<InteractionEvent> events(Consumer<RejectedLine> rejections) throws IOException {
    return items(rejections).takeWhile(event -> event.getOccurredAt().isBefore(until));
  }
}
