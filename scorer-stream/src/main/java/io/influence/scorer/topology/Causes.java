package io.influence.scorer.topology;

import java.util.Optional;

/** Looks into an exception's chain of causes, where Kafka Streams and the clients wrap what went wrong. */
public final class Causes {
  private Causes() {}

  /** The first of {@code thrown} and its causes that is a {@code type}. */
  public static <T extends Throwable> Optional<T> firstOfType(Throwable thrown, Class<T> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }
}
