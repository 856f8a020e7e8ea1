package io.micrometer.core.instrument.binder.kafka;

import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Micrometer's {@link KafkaStreamsMetrics}, over the metrics a supplier chooses rather than all of a
 * client's: the scorer withholds the gauges that are unsafe to read
 * ({@code io.influence.scorer.metrics.UnsafeStreamsGauges}). Micrometer takes a supplier only in
 * package-private constructors, hence this package; the scorer's jar is not a module, so it may add to it.
 * Subclassing {@code KafkaStreams} instead would have moved Kafka Streams' own log lines under the
 * subclass's logger name.
 */
public final class FilteredKafkaStreamsMetrics extends KafkaMetrics {
  public FilteredKafkaStreamsMetrics(Supplier<Map<MetricName, ? extends Metric>> metrics, Iterable<Tag> tags,
      ScheduledExecutorService scheduler, Duration refreshInterval) {
    super(metrics, tags, scheduler, refreshInterval);
  }
}
