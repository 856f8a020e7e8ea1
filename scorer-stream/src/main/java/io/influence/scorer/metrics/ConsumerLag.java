package io.influence.scorer.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Consumer lag by topic: the records this instance's consumers are behind, summed over the partitions
 * they hold. Summed over instances it is the application's lag.
 *
 * <p>Why not the binder's {@code kafka_consumer_fetch_manager_records_lag}: since KIP-1109 Kafka 4
 * reports every partition twice, once under the topic's name and once with its dots turned into
 * underscores ({@code interactions.twitter} and {@code interactions_twitter}), so summing it in PromQL
 * counts dotted topics twice. Restore consumers are left out: their lag is restoration progress, not
 * lag behind the input.
 */
final class ConsumerLag {
  static final String GROUP = "consumer-fetch-manager-metrics";
  static final String RECORDS_LAG = "records-lag";

  private ConsumerLag() {}

  /** The lag of each topic, from a Kafka client's metrics. */
  static Map<String, Double> byTopic(Map<MetricName, ? extends Metric> metrics) {
    Map<PartitionOfClient, Lag> partitions = new HashMap<>();
    metrics.forEach((name, metric) -> {
      if (!GROUP.equals(name.group()) || !RECORDS_LAG.equals(name.name())) {
        return;
      }
      String client = name.tags().getOrDefault("client-id", "");
      String topic = name.tags().get("topic");
      String partition = name.tags().get("partition");
      if (topic == null || partition == null || client.endsWith("restore-consumer")
          || !(metric.metricValue() instanceof Number value) || Double.isNaN(value.doubleValue())) {
        return;
      }
      partitions.merge(new PartitionOfClient(client, topic.replace('.', '_'), partition), new Lag(topic, value.doubleValue()),
          Lag::preferDotted);
    });
    Map<String, Double> byTopic = new TreeMap<>();
    partitions.values().forEach(lag -> byTopic.merge(lag.topic(), lag.records(), Double::sum));
    return byTopic;
  }

  private record PartitionOfClient(String client, String legacyTopic, String partition) {}

  private record Lag(String topic, double records) {
    /** Of the two reports of one partition, the one under the topic's real name, which may have dots. */
    Lag preferDotted(Lag other) {
      return other.topic.contains(".") ? other : this;
    }
  }
}
