package io.influence.connector.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a connector's last committed cursor from the compacted cursor topic. The cursor is written in
 * the same transaction as the events before it ({@link TransactionalEventSink#commit}), so reading
 * {@code read_committed} gives a cursor whose events are all in Kafka: resuming from it loses nothing.
 */
public final class CursorStore {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private CursorStore() {}

  /** The connector's last committed cursor, or null if it never committed one. */
  public static String read(String bootstrapServers, String cursorTopic, String connectorName) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(cursorTopic).stream()
          .map(info -> new TopicPartition(cursorTopic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed, the end offsets are the last stable offsets: every transaction below them is decided.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      String cursor = null;
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + cursorTopic + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (connectorName.equals(record.key())) {
            cursor = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
          }
        }
      }
      return cursor;
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
