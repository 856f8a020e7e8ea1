package io.influence.scorer.topology;

import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.Engagement;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose id its network already delivered within the deduplication window: connectors
 * redeliver, and a redelivery must count once. A redelivery has the same actor, so it reaches the same
 * actor partition as the original. The window store forgets ids as stream time passes the window.
 */
final class DeduplicationProcessor implements FixedKeyProcessor<String, Engagement, Engagement> {
  private final long windowMillis;
  private final ScorerMetrics metrics;
  private WindowStore<String, Long> seen;
  private FixedKeyProcessorContext<String, Engagement> context;

  DeduplicationProcessor(Duration window, ScorerMetrics metrics) {
    this.windowMillis = window.toMillis();
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Engagement> context) {
    this.context = context;
    this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Engagement> record) {
    Engagement engagement = record.value();
    String eventKey = engagement.network() + ':' + engagement.eventId();
    long at = engagement.occurredAtMillis();
    try (WindowStoreIterator<Long> earlier = seen.fetch(eventKey, at - windowMillis, at + windowMillis)) {
      if (earlier.hasNext()) {
        metrics.eventDuplicate();
        return;
      }
    }
    seen.put(eventKey, at, at);
    context.forward(record);
  }
}
