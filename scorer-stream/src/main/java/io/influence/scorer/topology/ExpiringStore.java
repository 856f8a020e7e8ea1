package io.influence.scorer.topology;

import io.influence.scorer.metrics.ScorerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store whose entries stop mattering at a time their value tells ({@code forgottenAt}), and
 * which deletes them once stream time has passed that time plus the late-event grace: no event that
 * could still need them can arrive any more.
 *
 * <p>A sweep walks the store in key order from where the previous one stopped, deletes the entries it
 * reads that expired, and wraps around at the end. One runs after every {@value #WRITES_PER_SWEEP}
 * writes and reads two entries per write, so the walk keeps up with a store that grows by at most one
 * entry a write, and a replay, whose stream time races ahead, pays per write what live traffic pays.
 * Every {@link #IDLE_SWEEP_INTERVAL} of wall-clock time another reads at least
 * {@value #MIN_VISITED_PER_IDLE_SWEEP}, so that a store nobody writes to any more is cleaned too.
 * (A sweep every minute of stream time with a floor of 100 entries, the first version, ran about 140
 * times a second per task in the Higgs replay and took 15 % of the stream thread.)
 *
 * <p>It needs no index, so it costs no write and no byte per entry: an index by due time cost
 * {@code pair-history} more than the store itself (588 bytes per user against 345 after the Higgs
 * replay, bench/RESULTS.md) and a second write for nearly every event. The price is timing: an entry is
 * deleted within one pass of the store after it expired, not at once, which only matters to disk, since
 * the model itself ignores expired state. The position is kept in memory; after a restart the walk
 * begins again. Deletes write tombstones to the changelog, which compaction then drops.
 * docs/ARCHITECTURE.md compares this with the other designs.
 *
 * @param <K> the keys
 * @param <V> the stored values
 */
final class ExpiringStore<K, V> {
  static final int WRITES_PER_SWEEP = 1_000;
  static final Duration IDLE_SWEEP_INTERVAL = Duration.ofMinutes(1);
  static final int MIN_VISITED_PER_IDLE_SWEEP = 1_000;
  private static final int MAX_VISITED_PER_SWEEP = 20_000;

  private final String name;
  private final KeyValueStore<K, V> entries;
  private final ProcessingContext context;
  private final ToLongFunction<V> forgottenAt;
  private final long graceMillis;
  private final ScorerMetrics metrics;
  /** The last key the previous sweep read; null to start from the first. */
  private K resumeAfter;
  private long writesSinceSweep;

  private ExpiringStore(String name, ProcessingContext context, ToLongFunction<V> forgottenAt, Duration grace, ScorerMetrics metrics) {
    this.name = name;
    this.entries = context.getStateStore(name);
    this.context = context;
    this.forgottenAt = forgottenAt;
    this.graceMillis = grace.toMillis();
    this.metrics = metrics;
  }

  /**
   * Store {@code name}, from the processor's context, swept as its writes accumulate and every
   * {@link #IDLE_SWEEP_INTERVAL} of wall-clock time.
   *
   * @param forgottenAt from when a value no longer affects an event at or after that time
   * @param grace how far behind stream time an event may still arrive ({@code late.grace})
   */
  static <K, V> ExpiringStore<K, V> open(ProcessingContext context, String name, ToLongFunction<V> forgottenAt, Duration grace,
      ScorerMetrics metrics) {
    ExpiringStore<K, V> store = new ExpiringStore<>(name, context, forgottenAt, grace, metrics);
    metrics.stateSwept(name, 0);
    context.schedule(IDLE_SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
        wallClock -> store.sweep(Math.max(MIN_VISITED_PER_IDLE_SWEEP, 2 * store.writesSinceSweep)));
    return store;
  }

  V get(K key) {
    return entries.get(key);
  }

  void put(K key, V value) {
    entries.put(key, value);
    if (++writesSinceSweep >= WRITES_PER_SWEEP) {
      sweep(2 * writesSinceSweep);
    }
  }

  /**
   * Reads the next {@code budget} entries (at most {@value #MAX_VISITED_PER_SWEEP}) and deletes those
   * that no event at or after stream time less the grace can need.
   */
  private void sweep(long budget) {
    long streamTimeMillis = context.currentStreamTimeMs();
    long visitedAtMost = Math.min(MAX_VISITED_PER_SWEEP, budget);
    writesSinceSweep = 0;
    List<K> expired = new ArrayList<>();
    int visited = 0;
    K last = null;
    try (KeyValueIterator<K, V> walk = resumeAfter == null ? entries.all() : entries.range(resumeAfter, null)) {
      while (walk.hasNext() && visited < visitedAtMost) {
        KeyValue<K, V> entry = walk.next();
        visited++;
        if (entry.key.equals(resumeAfter)) {
          continue;
        }
        last = entry.key;
        if (forgottenAt.applyAsLong(entry.value) + graceMillis <= streamTimeMillis) {
          expired.add(entry.key);
        }
      }
      resumeAfter = walk.hasNext() ? last : null;
    }
    expired.forEach(entries::delete);
    metrics.stateSwept(name, expired.size());
  }
}
