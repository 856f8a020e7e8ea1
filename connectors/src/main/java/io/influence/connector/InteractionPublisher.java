package io.influence.connector;

import static java.util.Objects.requireNonNull;

import io.influence.schema.InteractionEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes interaction events as a connector would: each to {@code interactions.<network>}, keyed
 * {@code <network>:<actor account>} so that everything one account does stays in one partition, in
 * order, and stamped with the time it occurred, which is the event time
 * the scorer windows and decays by. {@link InteractionTopics} holds these rules.
 *
 * <p>The producer is idempotent with {@code acks=all}, so a retried send neither loses nor doubles a
 * record; it lingers 5 ms and compresses with lz4, which suits bursts of small records. A topic that
 * does not exist is created on its first event as {@link PublisherSettings} say.
 *
 * <p>Sends are asynchronous. A send that fails is not swallowed: the next {@link #publish}, {@link
 * #flush} or {@link #close} throws a {@link PublishException} naming the event, and so does every
 * later call, because records sent after a lost one would be out of order.
 */
public final class InteractionPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InteractionPublisher.class);
  /** A replay reports progress after every this many events. */
  static final int PROGRESS_INTERVAL = 10_000;
  /** A replay logs this many rejected lines one by one, then only counts them. */
  private static final int LOGGED_REJECTIONS = 100;
  private static final Duration ADMIN_TIMEOUT = TopicCreator.ADMIN_TIMEOUT;

  private final PublisherSettings settings;
  private final Admin admin;
  private final TopicCreator topics;
  private final Producer<String, InteractionEvent> producer;
  private final Set<String> readyTopics = ConcurrentHashMap.newKeySet();
  private final AtomicReference<PublishException> failure = new AtomicReference<>();
  private volatile boolean failureThrown;

  /**
   * @param valueSerializer turns events into record values, such as the Schema Registry Avro
   *     serializer; the publisher closes it
   */
  public InteractionPublisher(PublisherSettings settings, Serializer<InteractionEvent> valueSerializer) {
    this.settings = requireNonNull(settings, "settings");
    this.admin = Admin.create(settings.clientConfig(Map.of()));
    this.topics = new TopicCreator(admin, settings.bootstrapServers());
    try {
      this.producer = new KafkaProducer<>(settings.clientConfig(Map.of(
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          ProducerConfig.LINGER_MS_CONFIG, 5,
          ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
          new StringSerializer(), requireNonNull(valueSerializer, "valueSerializer"));
    } catch (RuntimeException e) {
      admin.close();
      throw e;
    }
  }

  /**
   * Sends one event, creating its network's topic first if it does not exist. Returns before Kafka
   * acknowledges; {@link #flush()} waits for that.
   *
   * @throws PublishException if this or an earlier send failed, or the topic cannot be created
   * @throws IllegalArgumentException if the event's network cannot name a topic
   */
  public void publish(InteractionEvent event) {
    throwIfFailed();
    String topic = ensureTopic(event.getNetwork());
    ProducerRecord<String, InteractionEvent> record = new ProducerRecord<>(
        topic, null, event.getOccurredAt().toEpochMilli(), InteractionTopics.keyFor(event), event);
    try {
      producer.send(record, (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, new PublishException(cannotPublish(event, topic, exception), exception));
        }
      });
    } catch (RuntimeException e) {
      // The serializer's own exceptions, as well as Kafka's, arrive here unwrapped.
      throw new PublishException(cannotPublish(event, topic, e), e);
    }
  }

  /**
   * Waits until Kafka has acknowledged every event sent so far.
   *
   * @throws PublishException if any of them failed
   */
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  /**
   * Replays a source to the end: publishes its events in order, counts its rejected lines (logging
   * the first 100), and waits for Kafka to acknowledge everything.
   *
   * @param progress called after every 10,000 events and once with the final
   *     counts
   * @return the final counts: events published and acknowledged, lines rejected
   * @throws IOException if the source cannot be opened
   * @throws PublishException at the first event Kafka does not take
   */
  public ReplayCounts publishAll(EventSource source, Consumer<ReplayCounts> progress) throws IOException {
    AtomicLong published = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    Consumer<RejectedLine> rejections = rejection -> {
      long count = rejected.incrementAndGet();
      if (count <= LOGGED_REJECTIONS) {
        log.warn("rejected {}", rejection.describe());
      }
      if (count == LOGGED_REJECTIONS) {
        log.warn("further rejected lines of {} are counted but not logged", source.name());
      }
    };
    try (Stream<InteractionEvent> events = source.events(rejections)) {
      events.forEach(event -> {
        publish(event);
        if (published.incrementAndGet() % PROGRESS_INTERVAL == 0) {
          progress.accept(new ReplayCounts(published.get(), rejected.get()));
        }
      });
    }
    flush();
    ReplayCounts counts = new ReplayCounts(published.get(), rejected.get());
    log.info("replayed {}: {} events published, {} lines rejected", source.name(), counts.published(), counts.rejected());
    progress.accept(counts);
    return counts;
  }

  /**
   * Publishes the simulator's events at a steady rate until {@code stopRequested} says so or the
   * thread is interrupted (the interrupt stays set), then flushes.
   *
   * @param eventsPerSecond the average rate, kept even when single sleeps overrun
   * @param stopRequested asked before each event
   * @return how many events were published
   * @throws PublishException at the first event Kafka does not take
   */
  public long runSimulator(InteractionSimulator simulator, double eventsPerSecond, BooleanSupplier stopRequested) {
    FixedRatePacer pacer = new FixedRatePacer(eventsPerSecond);
    long published = 0;
    try {
      while (!stopRequested.getAsBoolean()) {
        pacer.awaitNext();
        publish(simulator.next());
        published++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
    return published;
  }

  /**
   * Sends what is pending and closes the clients.
   *
   * @throws PublishException if a send failed that no earlier call has reported
   */
  @Override
  public void close() {
    try {
      producer.close();
    } finally {
      admin.close();
    }
    if (!failureThrown) {
      throwIfFailed();
    }
  }

  private void throwIfFailed() {
    PublishException first = failure.get();
    if (first != null) {
      failureThrown = true;
      // A new exception, so that the stack shows the caller; the first one shows the producer's thread.
      throw new PublishException(first.getMessage(), first.getCause());
    }
  }

  private static String cannotPublish(InteractionEvent event, String topic, Exception cause) {
    return "cannot publish event " + event.getEventId() + " to " + topic + ": " + cause;
  }

  /**
   * Creates {@code network}'s topic unless it exists, and returns its name. Publishing does this on a
   * network's first event; calling it first lets a pattern-subscribed consumer find the topic at once.
   */
  public String ensureTopic(String network) {
    String topic = InteractionTopics.topicFor(network);
    if (!readyTopics.contains(topic)) {
      synchronized (readyTopics) {
        if (!readyTopics.contains(topic)) {
          createIfMissing(topic);
          readyTopics.add(topic);
        }
      }
    }
    return topic;
  }

  private void createIfMissing(String topic) {
    NewTopic newTopic = new NewTopic(topic, settings.partitions(), settings.replicationFactor());
    if (settings.retainForever()) {
      newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }
    if (!topics.ensure(newTopic)) {
      log.info("publishing to existing topic {} with its own configuration", topic);
      if (settings.retainForever()) {
        warnUnlessRetainedForever(topic);
      }
    }
  }

  /** A replay into an existing topic with time retention loses its old records, silently unless said here. */
  private void warnUnlessRetainedForever(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      String retention = admin.describeConfigs(List.of(resource)).all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value();
      if (!"-1".equals(retention)) {
        log.warn("topic {} exists with retention.ms={}: the broker will delete replayed records older than that."
            + " Set it to -1: kafka-configs.sh --alter --entity-type topics --entity-name {} --add-config retention.ms=-1",
            topic, retention, topic);
      }
    } catch (ExecutionException | TimeoutException e) {
      log.warn("could not check the retention of existing topic {}: {}", topic, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
