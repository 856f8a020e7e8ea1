package io.influence.connector;

/**
 * Kafka did not take an interaction event, or a topic for it could not be created. The message
 * names the event or topic and Kafka's reason; the cause is Kafka's exception.
 */
public final class PublishException extends RuntimeException {

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
