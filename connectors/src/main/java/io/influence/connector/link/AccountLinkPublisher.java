package io.influence.connector.link;

import io.influence.connector.PublishException;
import io.influence.connector.PublisherSettings;
import io.influence.connector.TopicCreator;
import io.influence.schema.AccountLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes account links to the compacted topic the scorer reads them from, keyed by account, so that
 * a later link of the same account replaces the earlier one. The topic is created compacted if the
 * scorer has not created it yet.
 */
public final class AccountLinkPublisher {
  private final PublisherSettings settings;
  private final Serializer<AccountLink> serializer;

  public AccountLinkPublisher(PublisherSettings settings, Serializer<AccountLink> serializer) {
    this.settings = settings;
    this.serializer = serializer;
  }

  /**
   * Publishes every link to {@code topic}, and returns once the broker has them all.
   *
   * @throws PublishException naming what Kafka refused
   */
  public void publish(String topic, List<AccountLink> links) {
    try (Admin admin = Admin.create(settings.clientConfig(Map.of()))) {
      new TopicCreator(admin, settings.bootstrapServers()).ensure(new NewTopic(topic, Optional.of(settings.partitions()),
          Optional.of(settings.replicationFactor())).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
    try (KafkaProducer<String, AccountLink> producer = new KafkaProducer<>(
        settings.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
        new StringSerializer(), serializer)) {
      List<Future<RecordMetadata>> sent = links.stream()
          .map(link -> producer.send(new ProducerRecord<>(topic, AccountLinkFile.key(link), link)))
          .toList();
      for (Future<RecordMetadata> send : sent) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new PublishException("Kafka refused an account link on " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing account links", e);
    }
  }
}
