package io.influence.scorer.replay;

import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.service.ScorerService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every user's latest score as the output topic holds it, written as {@code replay} exports: the view
 * of a downstream consumer, for checking a scorer run apart ({@code run}) against {@code recompute}.
 * Reads committed records only, from the beginning to the end the topic had when it started, without a
 * consumer group; a tombstone (an erasure) removes the user.
 */
public final class ScoresTopicExport {
  private static final Duration POLL = Duration.ofMillis(500);

  private ScoresTopicExport() {}

  /** Writes the export to {@code file}, returning how many users it holds. */
  public static long write(ScorerConfig config, Path file) {
    Properties props = ScorerService.clientProperties(config);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    String topic = config.get(ScorerConfig.OUTPUT_TOPIC);
    Map<String, UserScore> latest = new TreeMap<>();
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        ScorerService.contractSerdes(config.registryClient()).scores().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(partition -> new TopicPartition(topic, partition.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        consumer.poll(POLL).forEach(record -> {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), record.value());
          }
        });
      }
    }
    try (ScoreExportWriter writer = new ScoreExportWriter(file)) {
      latest.values().forEach(writer::write);
      return writer.written();
    }
  }
}
