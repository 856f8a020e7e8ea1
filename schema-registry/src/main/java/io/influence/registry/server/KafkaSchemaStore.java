package io.influence.registry.server;

import io.influence.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's changes in the compacted Kafka topic {@code _schemas}, where Confluent's registry keeps
 * them too and in the same format ({@link SchemasTopicFormat}). One partition keeps the changes in
 * order; compaction keeps the latest state of every key, which is all a replay needs.
 */
final class KafkaSchemaStore implements SchemaStore {
  static final String TOPIC = "_schemas";
  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  private final RegistryServerSettings settings;
  private final String bootstrapServers;
  private final Duration timeout;
  private final KafkaProducer<String, String> producer;

  private KafkaSchemaStore(RegistryServerSettings settings, Duration timeout) {
    this.settings = settings;
    this.bootstrapServers = settings.bootstrapServers();
    this.timeout = timeout;
    this.producer = new KafkaProducer<>(settings.kafkaWith(Map.of(
        // A registered schema must survive the loss of the broker that took it.
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis())),
        new StringSerializer(), new StringSerializer());
  }

  /**
   * Opens the store on the cluster of {@code settings}, creating {@code _schemas} when it is missing.
   * Every broker call gives up after {@code timeout}.
   */
  static KafkaSchemaStore open(RegistryServerSettings settings, Duration timeout) {
    ensureTopic(settings, timeout);
    return new KafkaSchemaStore(settings, timeout);
  }

  @Override
  public List<StoreRecord> readAll() {
    List<StoreRecord> changes = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.kafkaWith(Map.of(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION), timeout).get(PARTITION);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(PARTITION, timeout) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out after " + timeout + " reading " + TOPIC + " from "
              + bootstrapServers + ": at offset " + consumer.position(PARTITION) + " of " + end);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          SchemasTopicFormat.decode(record.key(), record.value()).ifPresent(changes::add);
        }
      }
    }
    log.info("Read {} registry changes from {}", changes.size(), TOPIC);
    return changes;
  }

  @Override
  public void append(StoreRecord change) {
    SchemasTopicFormat.Entry entry = SchemasTopicFormat.encode(change);
    try {
      producer.send(new ProducerRecord<>(TOPIC, PARTITION.partition(), entry.key(), entry.value()))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SchemaRegistryException.storeError("interrupted while writing to " + TOPIC, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw SchemaRegistryException.storeError("cannot write to " + TOPIC + " on " + bootstrapServers + ": " + cause, cause);
    }
  }

  @Override
  public void close() {
    producer.close(timeout);
  }

  private static void ensureTopic(RegistryServerSettings settings, Duration timeout) {
    String bootstrapServers = settings.bootstrapServers();
    try (Admin admin = Admin.create(settings.kafkaWith(Map.of(
        CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())))) {
      if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(TOPIC)) {
        create(admin, timeout);
      }
      TopicDescription description = describe(admin, timeout);
      if (description.partitions().size() != 1) {
        throw new IllegalStateException(TOPIC + " on " + bootstrapServers + " has " + description.partitions().size()
            + " partitions; the registry needs exactly one to keep its changes in order. Recreate it with one.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing " + TOPIC, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot prepare the topic " + TOPIC + " on " + bootstrapServers + ": " + e, e);
    }
  }

  /**
   * The topic's description. A topic created a moment ago can still be unknown to the broker that
   * answers (its metadata has not propagated), so that answer is retried until the timeout.
   */
  private static TopicDescription describe(Admin admin, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(TOPIC);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void create(Admin admin, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      log.info("Created the compacted topic {}", TOPIC);
    } catch (ExecutionException e) {
      // Another registry starting at the same time created it first: just as good.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
