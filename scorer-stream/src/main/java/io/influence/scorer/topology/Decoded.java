package io.influence.scorer.topology;

import io.influence.schema.InteractionEvent;

/** A connector record after decoding: either an event to score or a dead letter with its reason. */
sealed interface Decoded {

  record Accepted(InteractionEvent event) implements Decoded {}

  /** Keeps the bytes as they arrived, so that nothing is lost and the record can be replayed once fixed. */
  record Rejected(byte[] originalKey, byte[] originalValue, DeadLetterReason reason, String detail) implements Decoded {}
}
