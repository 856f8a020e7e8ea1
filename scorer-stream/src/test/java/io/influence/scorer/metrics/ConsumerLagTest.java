package io.influence.scorer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
  private static final String THREAD_CONSUMER = "app-1-StreamThread-1-consumer";
  private final Map<MetricName, Metric> metrics = new HashMap<>();

  private void lag(String client, String topic, int partition, double records) {
    add(ConsumerLag.RECORDS_LAG, client, topic, partition, records);
  }

  private void add(String name, String client, String topic, int partition, double value) {
    MetricName metricName = new MetricName(name, ConsumerLag.GROUP, "",
        Map.of("client-id", client, "topic", topic, "partition", String.valueOf(partition)));
    metrics.put(metricName, new Metric() {
      @Override
      public MetricName metricName() {
        return metricName;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    });
  }

  @Test
  void lagIsSummedOverPartitionsByTopic() {
    lag(THREAD_CONSUMER, "interactions-twitter", 0, 10);
    lag(THREAD_CONSUMER, "interactions-twitter", 1, 5);
    lag(THREAD_CONSUMER, "account-links", 0, 2);

    assertThat(ConsumerLag.byTopic(metrics)).containsExactly(Map.entry("account-links", 2.0), Map.entry("interactions-twitter", 15.0));
  }

  @Test
  void aPartitionReportedUnderBothTheDottedAndTheUnderscoredNameCountsOnceUnderItsRealName() {
    lag(THREAD_CONSUMER, "interactions.twitter", 0, 10);
    lag(THREAD_CONSUMER, "interactions_twitter", 0, 10);
    lag(THREAD_CONSUMER, "interactions_twitter", 1, 4);
    lag(THREAD_CONSUMER, "interactions.twitter", 1, 4);

    assertThat(ConsumerLag.byTopic(metrics)).containsExactly(Map.entry("interactions.twitter", 14.0));
  }

  @Test
  void restorationAndUnknownLagAndOtherMetricsAreLeftOut() {
    lag("app-1-StreamThread-1-restore-consumer", "app-user-influence-changelog", 0, 1000);
    lag(THREAD_CONSUMER, "interactions.twitter", 0, Double.NaN);
    add("records-lag-max", THREAD_CONSUMER, "interactions.twitter", 0, 99);
    add("records-lead", THREAD_CONSUMER, "interactions.twitter", 0, 7);

    assertThat(ConsumerLag.byTopic(metrics)).isEmpty();
  }

  @Test
  void consumersOfSeveralThreadsAddUp() {
    lag(THREAD_CONSUMER, "interactions.twitter", 0, 3);
    lag("app-1-StreamThread-2-consumer", "interactions.twitter", 1, 4);

    assertThat(ConsumerLag.byTopic(metrics)).containsEntry("interactions.twitter", 7.0);
  }
}
