package io.influence.scorer.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of an instance (Kafka Streams'
 * {@code rocksdb.config.setter}): one block cache for all of them, which also holds their index and
 * filter blocks and is charged for their memtables, so that {@code state.memory} is the whole budget.
 *
 * <p>Kafka Streams' default gives each RocksDB instance its own 50 MB block cache and up to three 16 MB
 * memtables, with index and filter blocks outside any cache. The scorer opens about forty instances on
 * four partitions (two stores in each task that deduplicates, five in each that scores, a window store
 * one per segment, two global stores), so its off-heap memory could grow to about 4 GB, far past a
 * container's limit, and with more partitions further still.
 *
 * <p>Memtables may take at most {@value #MEMTABLE_SHARE_PERCENT} % of the budget; beyond that RocksDB
 * flushes the largest. Index and filter blocks are cached with high priority so that data blocks are
 * evicted first. The cache lives as long as the JVM: every store, and every scorer in the JVM with the
 * same budget, shares it, so a store's close must not free it.
 */
public final class SharedStoreMemory implements RocksDBConfigSetter {
  /** The Streams property the budget is passed in, in bytes; {@code ScorerService} sets it from {@code state.memory}. */
  public static final String BUDGET_CONFIG = "influence.state.memory.bytes";
  private static final int MEMTABLE_SHARE_PERCENT = 50;
  private static final double HIGH_PRIORITY_SHARE = 0.1;
  private static final Map<Long, Budget> BUDGETS = new ConcurrentHashMap<>();

  private record Budget(Cache cache, WriteBufferManager memtables) {
    static Budget of(long bytes) {
      Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
      return new Budget(cache, new WriteBufferManager(bytes * MEMTABLE_SHARE_PERCENT / 100, cache));
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Budget budget = BUDGETS.computeIfAbsent(budgetBytes(configs), Budget::of);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(budget.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(budget.memtables());
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: they stay open with the JVM.
  }

  private static long budgetBytes(Map<String, Object> configs) {
    Object bytes = configs.get(BUDGET_CONFIG);
    if (!(bytes instanceof Number number) || number.longValue() <= 0) {
      throw new ConfigException(BUDGET_CONFIG, bytes, "the RocksDB memory budget in bytes, set from state.memory");
    }
    return number.longValue();
  }
}
