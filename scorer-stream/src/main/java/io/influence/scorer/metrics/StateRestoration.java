package io.influence.scorer.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this instance restores from changelogs and source topics, store by store: counted as it goes
 * ({@link ScorerMetrics#STATE_RECORDS_RESTORED}), and logged for each store partition that had records to
 * restore, so that an instance slow to become ready says why. A restart on its own disk after a clean stop
 * restores next to nothing; a new instance, or one whose stores Kafka Streams wiped after a crash,
 * restores all it holds.
 */
public final class StateRestoration implements StateRestoreListener {
  private static final Logger log = LoggerFactory.getLogger(StateRestoration.class);

  private final ScorerMetrics metrics;
  private final Map<TopicPartition, Long> startedAtNanos = new ConcurrentHashMap<>();

  public StateRestoration(ScorerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    startedAtNanos.put(partition, System.nanoTime());
    log.debug("Restoring {} from {} (offsets {} to {})", storeName, partition, startingOffset, endingOffset);
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    metrics.recordsRestored(storeName, numRestored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    Long startedAt = startedAtNanos.remove(partition);
    Duration took = startedAt == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startedAt);
    if (totalRestored > 0) {
      log.info("Restored {} from {}: {} records in {} ms", storeName, partition, totalRestored, took.toMillis());
    }
  }
}
