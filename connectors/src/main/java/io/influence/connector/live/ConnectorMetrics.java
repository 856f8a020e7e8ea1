package io.influence.connector.live;

import io.influence.schema.InteractionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connector's meters, all tagged {@code connector=<name>}: frames received, events published by
 * type, frames skipped and dead-lettered by reason, reconnects, the lag behind the stream head (now
 * minus the event time of the last frame taken) and whether a connection is open. Prometheus sees them
 * as {@code connector_frames_received_total}, {@code connector_events_published_total{type}},
 * {@code connector_frames_skipped_total{reason}}, {@code connector_dead_letters_total{reason}},
 * {@code connector_reconnects_total}, {@code connector_lag_seconds}, {@code connector_connected} and
 * {@code connector_last_commit_timestamp_seconds}.
 */
public final class ConnectorMetrics {
  private final MeterRegistry registry;
  private final String connector;
  private final Clock clock;
  private final Counter framesReceived;
  private final Counter reconnects;
  private final AtomicLong lastStreamTimeMillis = new AtomicLong();
  private final AtomicLong connected = new AtomicLong();
  private final AtomicLong lastCommitMillis = new AtomicLong();

  public ConnectorMetrics(MeterRegistry registry, String connector, Clock clock) {
    this.registry = registry;
    this.connector = connector;
    this.clock = clock;
    this.framesReceived = Counter.builder("connector.frames.received").tag("connector", connector)
        .description("Frames read from the network's stream, including those skipped or dead-lettered").register(registry);
    this.reconnects = Counter.builder("connector.reconnects").tag("connector", connector)
        .description("Connections opened after the first, whatever ended the one before").register(registry);
    Gauge.builder("connector.lag", this, ConnectorMetrics::lagSeconds).tag("connector", connector).baseUnit("seconds")
        .description("Now minus the event time of the last frame taken; NaN before the first").register(registry);
    Gauge.builder("connector.connected", connected, AtomicLong::get).tag("connector", connector)
        .description("1 while a connection to the stream is open").register(registry);
    Gauge.builder("connector.last.commit.timestamp", lastCommitMillis, millis -> millis.get() / 1000.0)
        .tag("connector", connector).baseUnit("seconds")
        .description("When the connector last committed events and cursor to Kafka, epoch seconds").register(registry);
  }

  public void frameReceived() {
    framesReceived.increment();
  }

  public void published(InteractionType type) {
    Counter.builder("connector.events.published").tag("connector", connector).tag("type", type.name())
        .description("Interaction events committed to Kafka, by type").register(registry).increment();
  }

  public void skipped(String reason) {
    Counter.builder("connector.frames.skipped").tag("connector", connector).tag("reason", reason)
        .description("Frames understood and deliberately not published (deletions, identity, account...)").register(registry)
        .increment();
  }

  public void deadLettered(String reason) {
    Counter.builder("connector.dead.letters").tag("connector", connector).tag("reason", reason)
        .description("Frames sent to the dead-letter topic, by reason").register(registry).increment();
  }

  public void reconnected() {
    reconnects.increment();
  }

  public void connected(boolean open) {
    connected.set(open ? 1 : 0);
  }

  public void streamTime(Instant eventTime) {
    lastStreamTimeMillis.set(eventTime.toEpochMilli());
  }

  public void committed() {
    lastCommitMillis.set(clock.millis());
  }

  public double lagSeconds() {
    long last = lastStreamTimeMillis.get();
    return last == 0 ? Double.NaN : (clock.millis() - last) / 1000.0;
  }

  public boolean isConnected() {
    return connected.get() == 1;
  }

  public MeterRegistry registry() {
    return registry;
  }
}
