package io.influence.connector.live;

import io.influence.schema.InteractionType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one network's stream into Kafka until closed: the source reads frames into a bounded queue, and
 * one thread maps each frame and publishes its events, dead letters and cursor in transactions
 * ({@link TransactionalEventSink}).
 *
 * <p><b>Never lose.</b> A session starts from the cursor last committed with its events. When Kafka
 * fails a transaction, the session ends: the source is closed, the queue emptied, and a new session
 * resumes from the committed cursor after a backoff, so nothing between that cursor and the failure is
 * skipped. <b>Never stop.</b> A frame that cannot be mapped is dead-lettered and the next one taken;
 * the source reconnects by itself. <b>Graceful shutdown</b> ({@link #close}) stops the source, publishes
 * what is queued and commits the cursor.
 */
public final class LiveConnector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveConnector.class);
  private static final Duration POLL = Duration.ofMillis(50);

  private final LiveConnectorSettings settings;
  private final Supplier<StreamSource> sources;
  private final FrameMapper mapper;
  private final ConnectorSerializers serializers;
  private final ConnectorMetrics metrics;
  private final Clock clock;
  private final Backoff sessionBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean halting;
  private volatile String takenCursor;
  private volatile String committedCursor;
  private volatile boolean sessionFailed;
  /** The types of the events in the open transaction, counted as published when it commits. */
  private final List<InteractionType> uncommitted = new ArrayList<>();

  /**
   * @param sources makes a new source for each session
   */
  public LiveConnector(LiveConnectorSettings settings, Supplier<StreamSource> sources, FrameMapper mapper,
      ConnectorSerializers serializers, ConnectorMetrics metrics, Clock clock) {
    this.settings = settings;
    this.sources = sources;
    this.mapper = mapper;
    this.serializers = serializers;
    this.metrics = metrics;
    this.clock = clock;
    this.thread = new Thread(this::run, "connector-" + settings.name());
  }

  public LiveConnector start() {
    thread.start();
    return this;
  }

  /** The cursor last committed to Kafka with its events, null before the first commit. */
  public String committedCursor() {
    return committedCursor;
  }

  /** Whether the publishing thread is alive: false only once closed or halted. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Whether the last session ended in a Kafka failure and the connector is waiting to start another. */
  public boolean isRecovering() {
    return sessionFailed;
  }

  private void run() {
    while (!stopping) {
      try {
        runSession();
        sessionFailed = false;
      } catch (RuntimeException e) {
        if (stopping) {
          break;
        }
        sessionFailed = true;
        Duration delay = sessionBackoff.nextDelay();
        log.error("connector {}: session failed, resuming from the committed cursor in {} ms", settings.name(), delay.toMillis(), e);
        sleep(delay);
      }
    }
  }

  private void runSession() {
    String bootstrap = settings.publisher().bootstrapServers();
    try (TransactionalEventSink sink = new TransactionalEventSink(settings, serializers)) {
      uncommitted.clear();
      committedCursor = CursorStore.read(bootstrap, settings.cursorTopic(), settings.name());
      takenCursor = committedCursor;
      log.info("connector {}: resuming from cursor {}", settings.name(), committedCursor == null ? "(none: the live head)" : committedCursor);
      FrameQueue queue = new FrameQueue(settings.queueCapacity());
      StreamSource source = sources.get();
      try {
        source.start(() -> takenCursor, queue);
        pump(queue, sink);
        if (halting) {
          return;
        }
        closeQuietly(source);
        for (Frame frame : queue.drain()) {
          take(frame, sink);
        }
        commit(sink);
      } finally {
        closeQuietly(source);
      }
    }
  }

  private void pump(FrameQueue queue, TransactionalEventSink sink) {
    long transactionStart = System.nanoTime();
    int framesInTransaction = 0;
    while (!stopping) {
      Frame frame;
      try {
        frame = queue.poll(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (frame != null) {
        take(frame, sink);
        framesInTransaction++;
      }
      boolean due = System.nanoTime() - transactionStart >= settings.commitInterval().toNanos();
      if (framesInTransaction >= settings.framesPerTransaction() || (due && framesInTransaction > 0)) {
        commit(sink);
        framesInTransaction = 0;
        transactionStart = System.nanoTime();
      } else if (due) {
        transactionStart = System.nanoTime();
      }
    }
  }

  private void take(Frame frame, TransactionalEventSink sink) {
    metrics.frameReceived();
    FrameMapping mapping;
    try {
      mapping = mapper.map(frame);
    } catch (UnmappableFrameException e) {
      sink.deadLetter(frame, e.reason(), e.getMessage(), clock.instant());
      metrics.deadLettered(e.reason());
      return;
    } catch (RuntimeException e) {
      // A mapper's bug must not stop the stream either: the frame is kept for a fix and a replay.
      sink.deadLetter(frame, "mapper-error", e.toString(), clock.instant());
      metrics.deadLettered("mapper-error");
      log.warn("connector {}: the mapper failed on a frame, dead-lettered", settings.name(), e);
      return;
    }
    List<ProducerRecord<String, byte[]>> records;
    try {
      records = mapping.events().stream().map(sink::record).toList();
    } catch (SerializationException e) {
      sink.deadLetter(frame, "unserializable", e.toString(), clock.instant());
      metrics.deadLettered("unserializable");
      return;
    }
    records.forEach(sink::send);
    mapping.erasedUsers().forEach(userId -> sink.requestErasure(userId, clock.instant()));
    mapping.events().forEach(event -> uncommitted.add(event.getType()));
    if (mapping.skippedAs() != null) {
      metrics.skipped(mapping.skippedAs());
    }
    if (mapping.streamTime() != null) {
      metrics.streamTime(mapping.streamTime());
    }
    takenCursor = NumericCursor.later(takenCursor, mapping.cursor());
  }

  private void commit(TransactionalEventSink sink) {
    String cursor = takenCursor;
    sink.commit(cursor);
    committedCursor = cursor;
    uncommitted.forEach(metrics::published);
    uncommitted.clear();
    metrics.committed();
    sessionBackoff.reset();
  }

  /** Stops the source, publishes the queued frames, commits the cursor and returns when all is in Kafka. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join();
  }

  /**
   * Stops at once, as a crash would: nothing queued is published and the open transaction is left for
   * the next instance to abort. For operators it is no better than a kill; tests use it to prove that
   * a kill loses nothing.
   */
  public void halt() throws InterruptedException {
    halting = true;
    stopping = true;
    thread.join();
  }

  private static void closeQuietly(StreamSource source) {
    try {
      source.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("closing the stream source failed", e);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
