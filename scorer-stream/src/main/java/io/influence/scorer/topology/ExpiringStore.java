package io.influence.scorer.topology;

import io.influence.scorer.metrics.ScorerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A key-value store whose entries stop mattering at a time their value tells ({@code forgottenAt}), and
 * which deletes them once stream time has passed that time plus the late-event grace: no event that
 * could still need them can arrive any more.
 *
 * <p>An index (store {@code <name>-expiry}) holds one key per entry, {@link OrderedKeys ordered} by the
 * first midnight (UTC) at which its deletion is due, so that a sweep visits only entries that are due
 * and never scans the store. The index key moves only when that midnight changes: a pair engaged all
 * day long moves once, not at every engagement; an entry is deleted less than a day after it could have
 * been. A sweep runs
 * every {@link #SWEEP_INTERVAL} of stream time, so a replay cleans up as it goes, and deletes at most
 * {@value #MAX_PER_SWEEP} entries, so that one punctuation cannot stall the task; what it leaves is
 * first in line for the next. Deletes write tombstones to both changelogs, which compaction then drops.
 * docs/ARCHITECTURE.md compares this with the other designs.
 *
 * @param <V> the stored values
 */
final class ExpiringStore<V> {
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  static final int MAX_PER_SWEEP = 10_000;
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final String name;
  private final KeyValueStore<String, V> entries;
  private final KeyValueStore<String, String> byDueDay;
  private final ToLongFunction<V> forgottenAt;
  private final long graceMillis;
  private final ScorerMetrics metrics;

  private ExpiringStore(String name, KeyValueStore<String, V> entries, KeyValueStore<String, String> byDueDay,
      ToLongFunction<V> forgottenAt, Duration grace, ScorerMetrics metrics) {
    this.name = name;
    this.entries = entries;
    this.byDueDay = byDueDay;
    this.forgottenAt = forgottenAt;
    this.graceMillis = grace.toMillis();
    this.metrics = metrics;
  }

  /** The name of the index of store {@code name}; the processor that uses the store must be connected to both. */
  static String indexName(String name) {
    return name + "-expiry";
  }

  /** The index of store {@code name}: index key → the store's key. */
  static StoreBuilder<KeyValueStore<String, String>> indexFor(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(indexName(name)), Serdes.String(), Serdes.String());
  }

  /**
   * Store {@code name} and its index, from the processor's context, swept every {@link #SWEEP_INTERVAL}
   * of stream time.
   *
   * @param forgottenAt from when a value no longer affects an event at or after that time
   * @param grace how far behind stream time an event may still arrive ({@code late.grace})
   */
  static <V> ExpiringStore<V> open(ProcessingContext context, String name, ToLongFunction<V> forgottenAt, Duration grace,
      ScorerMetrics metrics) {
    ExpiringStore<V> store = new ExpiringStore<>(name, context.getStateStore(name), context.getStateStore(indexName(name)),
        forgottenAt, grace, metrics);
    metrics.stateSwept(name, 0);
    context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, store::sweep);
    return store;
  }

  V get(String key) {
    return entries.get(key);
  }

  /**
   * Stores {@code value} under {@code key}.
   *
   * @param previous what {@link #get} returned for {@code key} (null for none): the caller has just read it,
   *     and it tells which index key to move, without a second read
   */
  void put(String key, V previous, V value) {
    long dueDay = dueDay(value);
    long previousDueDay = previous == null ? Long.MIN_VALUE : dueDay(previous);
    if (previous == null || previousDueDay != dueDay) {
      if (previous != null) {
        byDueDay.delete(OrderedKeys.of(previousDueDay, key));
      }
      byDueDay.put(OrderedKeys.of(dueDay, key), key);
    }
    entries.put(key, value);
  }

  /**
   * Deletes at most {@value #MAX_PER_SWEEP} entries whose deletion was due by the latest midnight at or
   * before {@code streamTimeMillis}.
   *
   * @return how many entries were deleted
   */
  int sweep(long streamTimeMillis) {
    long lastDueDay = Math.floorDiv(streamTimeMillis, DAY_MILLIS);
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> index = OrderedKeys.upTo(byDueDay, lastDueDay)) {
      while (index.hasNext() && due.size() < MAX_PER_SWEEP) {
        due.add(index.next());
      }
    }
    int deleted = 0;
    for (KeyValue<String, String> entry : due) {
      byDueDay.delete(entry.key);
      V value = entries.get(entry.value);
      if (value == null) {
        continue;
      }
      long dueDay = dueDay(value);
      if (dueDay <= lastDueDay) {
        entries.delete(entry.value);
        deleted++;
      } else {
        // An index key left behind (say, late.grace was changed): the entry is indexed where it belongs.
        byDueDay.put(OrderedKeys.of(dueDay, entry.value), entry.value);
      }
    }
    metrics.stateSwept(name, deleted);
    return deleted;
  }

  /** The first midnight, in days since the epoch, at which no event can still need {@code value}. */
  private long dueDay(V value) {
    return -Math.floorDiv(-(forgottenAt.applyAsLong(value) + graceMillis), DAY_MILLIS);
  }
}
