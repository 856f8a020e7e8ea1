package io.influence.scorer.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.FilteredKafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Prometheus registry behind {@code GET /metrics}, with JVM and process meters, and Kafka Streams'
 * own metrics and {@value #CONSUMER_LAG} once the streams client exists.
 */
public final class MetricsSetup implements AutoCloseable {
  public static final String CONSUMER_LAG = "influence.consumer.lag";
  /**
   * RocksDB 9 no longer counts file closes, so at the DEBUG recording level Kafka reports this counter
   * as -1, which the Prometheus client refuses, failing the whole scrape. It carries no information.
   */
  static final String ROCKSDB_OPEN_FILES = "kafka.stream.state.number.open.files";

  private final Duration refresh;
  private final PrometheusMeterRegistry registry;
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kafka-metrics-refresh");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * @param instance the {@code instance_id} tag of every meter: this instance's {@code application.server}
   * @param refresh how often the Kafka binder looks for new meters and consumer lag is summed; dashboards
   *     refresh every few seconds, so the binder's 60 s default would hide new threads and tasks for a minute
   */
  public MetricsSetup(String instance, Duration refresh) {
    this.refresh = refresh;
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("instance_id", instance);
    registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals(ROCKSDB_OPEN_FILES)));
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void bind(KafkaStreams streams) {
    FilteredKafkaStreamsMetrics streamsMetrics = new FilteredKafkaStreamsMetrics(
        () -> UnsafeStreamsGauges.withheldFrom(streams.metrics()), List.<Tag>of(), refresher, refresh);
    streamsMetrics.bindTo(registry);
    binders.add(streamsMetrics);

    MultiGauge lag = MultiGauge.builder(CONSUMER_LAG)
        .description("Records this instance's consumers are behind, summed over the partitions they hold, by topic")
        .baseUnit("records")
        .register(registry);
    refresher.scheduleWithFixedDelay(() -> {
      try {
        lag.register(ConsumerLag.byTopic(streams.metrics()).entrySet().stream()
            .map(topic -> MultiGauge.Row.of(Tags.of("topic", topic.getKey()), topic.getValue()))
            .toList(), true);
      } catch (RuntimeException e) {
        // a failed refresh keeps the previous figures; the next one tries again
      }
    }, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // closing meters must never block shutdown
      }
    }
    refresher.shutdownNow();
    registry.close();
  }
}
