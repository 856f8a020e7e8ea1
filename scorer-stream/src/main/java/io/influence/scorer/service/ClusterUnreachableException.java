package io.influence.scorer.service;

/** The Kafka cluster did not answer a starting scorer; the message says where it looked and what to do. */
public final class ClusterUnreachableException extends RuntimeException {
  ClusterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
