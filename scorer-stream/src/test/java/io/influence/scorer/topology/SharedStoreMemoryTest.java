package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class SharedStoreMemoryTest {
  private final SharedStoreMemory setter = new SharedStoreMemory();

  @Test
  void everyStoreWithTheSameBudgetSharesOneCacheChargedForMemtablesIndexesAndFilters() {
    Map<String, Object> configs = Map.of(SharedStoreMemory.BUDGET_CONFIG, 64L << 20);
    try (Options first = withTable(); Options second = withTable()) {
      setter.setConfig("user-influence", first, configs);
      setter.setConfig("pair-history", second, configs);

      assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
      BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
    }
  }

  @Test
  void withoutABudgetAStoreDoesNotOpen() {
    try (Options options = withTable()) {
      assertThatThrownBy(() -> setter.setConfig("user-influence", options, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(SharedStoreMemory.BUDGET_CONFIG);
    }
  }

  private static Options withTable() {
    return new Options().setTableFormatConfig(new BlockBasedTableConfig());
  }
}
