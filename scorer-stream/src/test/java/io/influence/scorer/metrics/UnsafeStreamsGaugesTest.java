package io.influence.scorer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

class UnsafeStreamsGaugesTest {
  @Test
  void theUncommittedBytesGaugesAreWithheldWhateverTheirGroupAndTheRestPassUnread() {
    try (Metrics metrics = new Metrics()) {
      Gauge<Long> unreadable = (config, now) -> {
        throw new AssertionError("an unsafe gauge was read");
      };
      MetricName rocksDb = metrics.metricName("uncommitted-bytes", "stream-state-metrics", Map.of("rocksdb-state-id", "user-influence"));
      MetricName window = metrics.metricName("uncommitted-bytes", "stream-state-metrics", Map.of("rocksdb-window-state-id", "daily-activity"));
      MetricName puts = metrics.metricName("put-rate", "stream-state-metrics", Map.of("rocksdb-state-id", "user-influence"));
      metrics.addMetric(rocksDb, unreadable);
      metrics.addMetric(window, unreadable);
      metrics.addMetric(puts, (Gauge<Long>) (config, now) -> 7L);

      assertThat(UnsafeStreamsGauges.withheldFrom(metrics.metrics()))
          .doesNotContainKeys(rocksDb, window)
          .containsKey(puts);
    }
  }
}
