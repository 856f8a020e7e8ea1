package io.influence.connector.live;

import io.influence.connector.InteractionTopics;
import io.influence.connector.TopicCreator;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a connector's events, its dead letters and its cursor in Kafka transactions: a cursor
 * becomes visible together with the events before it, or not at all. After a crash the next instance's
 * {@code initTransactions} aborts the open transaction, reads the last committed cursor, and the stream
 * is replayed from there; what the crash cut off is redelivered, never lost.
 *
 * <p>Topics are created on first use with the publisher's partitions and replication: the interactions
 * topic of each network as {@code InteractionPublisher} does, the dead-letter topic with 30 days'
 * retention, the cursor topic compacted.
 */
public final class TransactionalEventSink implements AutoCloseable {
  /** Header of a dead letter: the short reason code. */
  public static final String REASON_HEADER = "reason";
  /** Header of a dead letter: what was wrong, in words. */
  public static final String DETAIL_HEADER = "detail";
  /** Header of a dead letter: the transport's kind of the frame (SSE event name, or message). */
  public static final String KIND_HEADER = "frame.kind";
  /** Header of a dead letter: the connector that received it. */
  public static final String CONNECTOR_HEADER = "connector";
  /** Where erasures are asked for: the scorer's {@code erasures.topic} by default. */
  public static final String ERASURES_TOPIC = "influence-erasures";
  private static final String DEAD_LETTER_RETENTION_MS = String.valueOf(30L * 24 * 3600 * 1000);

  private final LiveConnectorSettings settings;
  private final Serializer<ErasureRequest> erasureSerializer;
  private final Serializer<InteractionEvent> eventSerializer;
  private final Admin admin;
  private final TopicCreator topics;
  private final KafkaProducer<String, byte[]> producer;
  private final Set<String> readyTopics = new HashSet<>();
  private boolean inTransaction;

  /** Fences any earlier instance of the same connector and aborts its open transaction. */
  public TransactionalEventSink(LiveConnectorSettings settings, ConnectorSerializers serializers) {
    this.settings = settings;
    this.eventSerializer = serializers.events();
    this.erasureSerializer = serializers.erasures();
    String bootstrap = settings.publisher().bootstrapServers();
    this.admin = Admin.create(settings.publisher().clientConfig(Map.of()));
    this.topics = new TopicCreator(admin, bootstrap);
    try {
      ensure(new NewTopic(settings.cursorTopic(), 1, settings.publisher().replicationFactor())
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      this.producer = new KafkaProducer<>(settings.publisher().clientConfig(Map.of(
          ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId(),
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          // The first batch of a transaction to a partition can be refused while the previous commit
          // completes (CONCURRENT_TRANSACTIONS); with more in flight, the broker then refuses those behind
          // it as out of order and logs an ERROR for each, as the scorer's producers did (docs/OPERATIONS.md).
          ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
          ProducerConfig.LINGER_MS_CONFIG, 5,
          ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
          new StringSerializer(), new ByteArraySerializer());
    } catch (RuntimeException e) {
      admin.close();
      throw e;
    }
    try {
      producer.initTransactions();
    } catch (RuntimeException e) {
      producer.close();
      admin.close();
      throw e;
    }
  }

  /**
   * The record of an event, serialized, its topic created if needed; {@link #send} adds it to the
   * transaction. Serializing a frame's events before sending any keeps a frame from being half published.
   *
   * @throws SerializationException if the serializer refuses the event (the frame is then dead-lettered)
   */
  public ProducerRecord<String, byte[]> record(InteractionEvent event) {
    String topic = InteractionTopics.topicFor(event.getNetwork());
    if (!readyTopics.contains(topic)) {
      ensure(new NewTopic(topic, settings.publisher().partitions(), settings.publisher().replicationFactor()));
    }
    byte[] value;
    try {
      value = eventSerializer.serialize(topic, event);
    } catch (SerializationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SerializationException("cannot serialize event " + event.getEventId() + ": " + e, e);
    }
    return new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(), InteractionTopics.keyFor(event), value);
  }

  /** Adds a record made by {@link #record} to the open transaction, opening one if needed. */
  public void send(ProducerRecord<String, byte[]> record) {
    begin();
    producer.send(record);
  }

  /**
   * Adds the request to forget {@code userId}, whose account the network deleted, to the open
   * transaction: on {@value #ERASURES_TOPIC}, keyed by the user id, as the scorer's {@code forget} writes it.
   */
  public void requestErasure(String userId, Instant requestedAt) {
    if (!readyTopics.contains(ERASURES_TOPIC)) {
      ensure(new NewTopic(ERASURES_TOPIC, settings.publisher().partitions(), settings.publisher().replicationFactor())
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
    ErasureRequest request = ErasureRequest.newBuilder().setUserId(userId).setRequestedAt(requestedAt)
        .setReason(settings.network() + " account deleted").build();
    begin();
    producer.send(new ProducerRecord<>(ERASURES_TOPIC, null, requestedAt.toEpochMilli(), userId,
        erasureSerializer.serialize(ERASURES_TOPIC, request)));
  }

  /** Adds a dead letter: the raw frame as value, the reason and origin as headers, keyed by the connector. */
  public void deadLetter(Frame frame, String reason, String detail, Instant receivedAt) {
    String topic = settings.deadLetterTopic();
    if (!readyTopics.contains(topic)) {
      ensure(new NewTopic(topic, 1, settings.publisher().replicationFactor())
          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, DEAD_LETTER_RETENTION_MS)));
    }
    begin();
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON_HEADER, utf8(reason));
    headers.add(DETAIL_HEADER, utf8(detail == null ? "" : detail));
    headers.add(KIND_HEADER, utf8(frame.kind()));
    headers.add(CONNECTOR_HEADER, utf8(settings.name()));
    producer.send(new ProducerRecord<>(topic, null, receivedAt.toEpochMilli(), settings.name(), utf8(frame.text()), headers));
  }

  /**
   * Writes the cursor and commits the transaction, which waits for every record in it to be acknowledged.
   * Without an open transaction and without a cursor to write, does nothing.
   */
  public void commit(String cursor) {
    if (cursor != null) {
      begin();
      producer.send(new ProducerRecord<>(settings.cursorTopic(), settings.name(), utf8(cursor)));
    }
    if (inTransaction) {
      producer.commitTransaction();
      inTransaction = false;
    }
  }

  /** Closes without committing: an open transaction is aborted, as a crash would leave it. */
  @Override
  public void close() {
    try {
      if (inTransaction) {
        try {
          producer.abortTransaction();
        } catch (RuntimeException e) {
          // The transaction times out on the broker or is aborted by the next instance's initTransactions.
        }
      }
      producer.close();
    } finally {
      admin.close();
    }
  }

  private void begin() {
    if (!inTransaction) {
      producer.beginTransaction();
      inTransaction = true;
    }
  }

  private void ensure(NewTopic topic) {
    topics.ensure(topic);
    readyTopics.add(topic.name());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
