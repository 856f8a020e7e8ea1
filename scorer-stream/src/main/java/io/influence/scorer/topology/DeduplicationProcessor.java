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
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose id its network already delivered within the deduplication window: connectors
 * redeliver, and a redelivery must count once. A redelivery has the same actor, so it reaches the same
 * actor partition as the original. The window store forgets ids as stream time passes the window.
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
  /** A window store needs a value; presence is the whole fact. */
  private static final byte[] SEEN = new byte[0];

  private final MessageDigest sha256;
  private WindowStore<Bytes, byte[]> seen;
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
    this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Engagement> record) {
    Engagement engagement = record.value();
    Bytes eventKey = digest(engagement.network() + ':' + engagement.eventId());
    long at = engagement.occurredAtMillis();
    try (WindowStoreIterator<byte[]> earlier = seen.fetch(eventKey, at - windowMillis, at + windowMillis)) {
      if (earlier.hasNext()) {
        metrics.eventDuplicate();
        return;
      }
    }
    seen.put(eventKey, SEEN, at);
    context.forward(record);
  }

  private Bytes digest(String eventKey) {
    return Bytes.wrap(Arrays.copyOf(sha256.digest(eventKey.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES));
  }
}
