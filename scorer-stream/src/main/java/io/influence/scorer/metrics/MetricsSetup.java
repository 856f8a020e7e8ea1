package io.influence.scorer.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Prometheus registry behind {@code GET /metrics}, with JVM and process meters, and Kafka Streams'
 * own metrics once the streams client exists.
 */
public final class MetricsSetup implements AutoCloseable {
  /** Dashboards refresh every few seconds; the binder's 60 s default would hide new threads and tasks for a minute. */
  private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry;
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kafka-metrics-refresh");
    thread.setDaemon(true);
    return thread;
  });

  public MetricsSetup(String instance) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("instance_id", instance);
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
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams, List.<Tag>of(), refresher, KAFKA_METRICS_REFRESH);
    streamsMetrics.bindTo(registry);
    binders.add(streamsMetrics);
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
