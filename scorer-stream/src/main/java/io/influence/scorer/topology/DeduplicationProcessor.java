package io.influence.scorer.topology;

import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.Engagement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Drops an event whose id its network already delivered within the deduplication window: connectors
 * redeliver, and a redelivery must count once. A redelivery has the same actor, so it reaches the same
 * actor partition as the original.
 *
 * <p>The store maps each id to the event time it was seen at, and forgets it once stream time is two
 * windows past that ({@link ExpiringStore}). A key-value store, not a window store: a window store
 * answers "seen within the window?" with a range read over its time segments, three RocksDB iterators
 * per event, where this is one point read (bench/RESULTS.md). An id seen again more than a window
 * after it was first is taken as new, and from then on its latest time is the one kept.
 *
 * <p>The store holds a 128-bit digest of {@code <network>:<eventId>}, not the id: it keeps every event of
 * twice the window, so its size is per event, and ids run to tens of bytes (a Higgs line's id is 33).
 * Two ids share a digest with probability about {@code n²/2^129} for {@code n} ids in the window:
 * 10^-20 for a billion, so no distinct event is taken for a duplicate in practice.
 */
final class DeduplicationProcessor implements FixedKeyProcessor<String, Engagement, Engagement> {
  private final long windowMillis;
  private final ScorerMetrics metrics;
  private static final int DIGEST_BYTES = 16;

  private final MessageDigest sha256;
  private ExpiringStore<Bytes, Long> seen;
  private FixedKeyProcessorContext<String, Engagement> context;

  DeduplicationProcessor(Duration window, ScorerMetrics metrics) {
    this.windowMillis = window.toMillis();
    this.metrics = metrics;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Engagement> context) {
    this.context = context;
    this.seen = ExpiringStore.open(context, ScoringTopology.SEEN_EVENTS_STORE, seenAt -> seenAt + windowMillis,
        Duration.ofMillis(windowMillis), metrics);
  }

  @Override
  public void process(FixedKeyRecord<String, Engagement> record) {
    Engagement engagement = record.value();
    Bytes eventKey = digest(engagement.network() + ':' + engagement.eventId());
    long at = engagement.occurredAtMillis();
    Long seenAt = seen.get(eventKey);
    if (seenAt != null && Math.abs(seenAt - at) <= windowMillis) {
      metrics.eventDuplicate();
      return;
    }
    seen.put(eventKey, at);
    context.forward(record);
  }

  private Bytes digest(String eventKey) {
    return Bytes.wrap(Arrays.copyOf(sha256.digest(eventKey.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES));
  }
}
