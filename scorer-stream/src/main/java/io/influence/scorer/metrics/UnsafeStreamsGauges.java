package io.influence.scorer.metrics;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Kafka Streams gauges that must not be read from outside the stream thread. Kafka Streams 4.4's
 * {@code uncommitted-bytes} gauge of a transactional state store asks the store's RocksDB write batch for
 * its size without checking that the store is still open: read while a task closes (a rebalance, a
 * fenced producer after a broker restart), it calls into a batch RocksDB has just freed, and the JVM dies
 * of SIGSEGV in {@code WriteBatch.getDataSize} (CrashRecoveryIT's broker restart, once in four runs).
 * Micrometer reads every metric it is given, on each refresh and each scrape, so these are withheld
 * from it ({@link MetricsSetup#bind}); {@code KafkaStreams.metrics()} still lists them.
 */
final class UnsafeStreamsGauges {
  /** By metric name, in any group: Kafka Streams registers it in each store type's group. */
  static final Set<String> NAMES = Set.of("uncommitted-bytes");

  private UnsafeStreamsGauges() {}

  /** {@code metrics} without the gauges that are unsafe to read. */
  static Map<MetricName, ? extends Metric> withheldFrom(Map<MetricName, ? extends Metric> metrics) {
    return metrics.entrySet().stream()
        .filter(metric -> !NAMES.contains(metric.getKey().name()))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
