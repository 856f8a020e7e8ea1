package io.influence.scorer.topology;

import io.influence.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What a contract record that would not decode says about itself: whether the record is bad (set it
 * aside) or the registry could not be asked (fail, and read it again), and the whole chain of causes.
 */
final class DecodeFailures {
  private DecodeFailures() {}

  /** Where a record was read, as the logs name it: {@code topic-partition@offset}. */
  static String position(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  /**
   * The registry did not answer, or answered with a server error (5xx, after the client's retries):
   * the record is probably fine, so it must be read again, not set aside.
   */
  static boolean registryUnavailable(SerializationException e) {
    return registryError(e).map(error -> !error.registryAnswered() || error.httpStatus() >= 500).orElse(false);
  }

  /** Why the record is set aside: its schema id is not in the registry, or its bytes are not what it claims. */
  static DeadLetterReason reason(SerializationException e) {
    boolean unknownSchema = registryError(e).map(error -> error.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND).orElse(false);
    return unknownSchema ? DeadLetterReason.UNKNOWN_SCHEMA : DeadLetterReason.UNDECODABLE;
  }

  static String describe(Throwable e) {
    StringBuilder detail = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      detail.append(": ").append(cause.getMessage());
    }
    return detail.toString();
  }

  private static Optional<SchemaRegistryException> registryError(SerializationException e) {
    return Causes.firstOfType(e, SchemaRegistryException.class);
  }
}
