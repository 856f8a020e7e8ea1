package io.influence.scorer.topology;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a connector's raw record into an {@link InteractionEvent}, or into a dead letter that keeps
 * the original bytes and says why. Decoding here rather than in the source's deserializer is what
 * lets a bad record take its own path instead of stopping the application.
 */
final class InteractionDecoder implements Processor<byte[], byte[], String, Decoded> {
  private final Deserializer<InteractionEvent> deserializer;
  private final ScorerMetrics metrics;
  private final Supplier<Instant> clock;
  private final TopologySettings.Timeliness timeliness;
  private ProcessorContext<String, Decoded> context;

  InteractionDecoder(Deserializer<InteractionEvent> deserializer, ScorerMetrics metrics, Supplier<Instant> clock,
      TopologySettings.Timeliness timeliness) {
    this.deserializer = deserializer;
    this.metrics = metrics;
    this.clock = clock;
    this.timeliness = timeliness;
  }

  @Override
  public void init(ProcessorContext<String, Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
    InteractionEvent event;
    try {
      event = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (SerializationException e) {
      if (DecodeFailures.registryUnavailable(e)) {
        // The registry is down or failing: the record is probably fine, so fail and retry rather than dead-letter it.
        throw e;
      }
      metrics.eventConsumed(null, null);
      reject(record, DecodeFailures.reason(e), DecodeFailures.describe(e));
      return;
    }
    if (event == null) {
      metrics.eventConsumed(null, null);
      reject(record, DeadLetterReason.UNDECODABLE, "the record has no value");
      return;
    }
    metrics.eventConsumed(event.getNetwork(), event.getType().name());
    if (event.getActorAccount() == null || event.getActorAccount().isBlank()) {
      reject(record, DeadLetterReason.MISSING_ACTOR, "event " + event.getEventId() + " has no actor account");
    } else if (event.getType() == InteractionType.UNKNOWN) {
      reject(record, DeadLetterReason.UNKNOWN_TYPE, "event " + event.getEventId() + " has a type this release does not know");
    } else if (event.getType() != InteractionType.POST && (event.getTargetAccount() == null || event.getTargetAccount().isBlank())) {
      reject(record, DeadLetterReason.MISSING_TARGET, "event " + event.getEventId() + " is a " + event.getType() + " with no target account");
    } else {
      rejectIfUntimely(record, event);
    }
  }

  /**
   * The event's time against the clocks: ahead of the wall clock beyond the tolerance, or behind the
   * task's stream time beyond the grace period, it goes to the dead letters.
   * Stream time, not the wall clock, measures lateness, so that a replay of 2012 is scored, not dropped.
   */
  private void rejectIfUntimely(Record<byte[], byte[]> record, InteractionEvent event) {
    long at = event.getOccurredAt().toEpochMilli();
    long wallClock = clock.get().toEpochMilli();
    long behindStreamTime = context.currentStreamTimeMs() - at;
    if (at > wallClock + timeliness.futureTolerance().toMillis()) {
      reject(record, DeadLetterReason.FUTURE, "event " + event.getEventId() + " occurred at " + event.getOccurredAt()
          + ", more than " + timeliness.futureTolerance() + " after the wall clock " + Instant.ofEpochMilli(wallClock));
    } else if (behindStreamTime > timeliness.grace().toMillis()) {
      reject(record, DeadLetterReason.LATE, "event " + event.getEventId() + " occurred at " + event.getOccurredAt()
          + ", more than the grace of " + timeliness.grace() + " before stream time");
    } else {
      context.forward(new Record<>(event.getEventId(), new Decoded.Accepted(event), record.timestamp(), record.headers()));
    }
  }

  private void reject(Record<byte[], byte[]> record, DeadLetterReason reason, String detail) {
    metrics.eventOutcome(EventOutcome.DLQ, reason.tag());
    RecordMetadata source = context.recordMetadata().orElseThrow();
    Decoded rejected = new Decoded.Rejected(record.key(), record.value(), reason, detail);
    context.forward(new Record<>((String) null, rejected, record.timestamp(),
        DeadLetterHeaders.describe(record.headers(), reason, detail, source, clock.get())));
  }
}
