package io.influence.connector.live;

/**
 * A frame that cannot be parsed or mapped. It goes to the network's dead-letter topic with {@link #reason()},
 * a short code that also labels the dead-letter metric, and the message, which says what was wrong.
 */
public final class UnmappableFrameException extends Exception {
  private final String reason;

  public UnmappableFrameException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UnmappableFrameException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** A short code such as {@code invalid-json} or {@code missing-field}, for the metric and the record header. */
  public String reason() {
    return reason;
  }
}
