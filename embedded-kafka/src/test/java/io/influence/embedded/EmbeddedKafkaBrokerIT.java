package io.influence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

  @Test
  void aRecordStampedIn2012IsKeptAndReadBack() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnFreePort();
         Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("old-news", 1, (short) 1))).all().get();
      long july2012 = 1_341_100_972_000L;
      try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("old-news", 0, july2012, "higgs", "found")).get();
      }
      try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
          "bootstrap.servers", broker.bootstrapServers(), "group.id", "it", "auto.offset.reset", "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(Set.of("old-news"));
        ConsumerRecords<String, String> records = ConsumerRecords.empty();
        for (int attempt = 0; attempt < 20 && records.isEmpty(); attempt++) {
          records = consumer.poll(Duration.ofMillis(500));
        }
        assertThat(records.count()).isEqualTo(1);
        assertThat(records.iterator().next().timestamp()).isEqualTo(july2012);
      }
    }
  }
}
