package io.influence.connector.live;

import io.influence.schema.InteractionEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the live connectors' integration tests read back: the committed records of a topic, and the ids
 * of the events on an interactions topic. Values are plain Avro in these tests: the registry is another
 * module's business.
 */
public final class PublishedRecords {
  private PublishedRecords() {}

  /** Everything committed on {@code topic} so far (read_committed, as the scorer reads). */
  public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The event ids of the InteractionEvents committed on {@code topic}. */
  public static Set<String> eventIds(String bootstrapServers, String topic) {
    Set<String> ids = new HashSet<>();
    SpecificDatumReader<InteractionEvent> reader = new SpecificDatumReader<>(InteractionEvent.class);
    for (ConsumerRecord<byte[], byte[]> record : read(bootstrapServers, topic)) {
      try {
        ids.add(reader.read(null, DecoderFactory.get().binaryDecoder(record.value(), null)).getEventId().toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  /** Plain Avro binary, without the registry's wire-format header. */
  public static <T extends SpecificRecord> Serializer<T> avro(Class<T> type) {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
    return (topic, event) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var encoder = EncoderFactory.get().binaryEncoder(out, null);
      try {
        writer.write(event, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    };
  }
}
