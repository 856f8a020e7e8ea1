package io.influence.connector;

import io.influence.schema.InteractionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Everything an {@link EventSource} yields, read to the end: for assertions in tests. */
record SourceContents(List<InteractionEvent> events, List<RejectedLine> rejections) {

  static SourceContents readAll(EventSource source) {
    List<RejectedLine> rejections = new ArrayList<>();
    try (Stream<InteractionEvent> events = source.events(rejections::add)) {
      return new SourceContents(events.toList(), rejections);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only event; fails the test when there is not exactly one. */
  InteractionEvent onlyEvent() {
    if (events.size() != 1 || !rejections.isEmpty()) {
      throw new AssertionError("expected exactly one event and no rejection, got " + this);
    }
    return events.get(0);
  }

  /** The only rejection; fails the test when there is not exactly one. */
  RejectedLine onlyRejection() {
    if (rejections.size() != 1 || !events.isEmpty()) {
      throw new AssertionError("expected exactly one rejection and no event, got " + this);
    }
    return rejections.get(0);
  }
}
