package io.influence.scorer.query;

/** The state needed to answer is moving or restoring; asking again shortly will work. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
