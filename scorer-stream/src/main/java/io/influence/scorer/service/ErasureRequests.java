package io.influence.scorer.service;

import io.influence.registry.ConfluentAvroSerde;
import io.influence.schema.ErasureRequest;
import io.influence.scorer.config.ScorerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Asks every scorer of a cluster to forget a person: an {@link ErasureRequest} on the erasure topic,
 * keyed by the user id. The topic is the audit trail and the authority: who may write it may erase,
 * so guard it with an ACL (docs/SECURITY.md).
 */
public final class ErasureRequests {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private ErasureRequests() {}

  /**
   * Publishes the request and waits until the cluster has it.
   *
   * @throws IllegalStateException if the cluster did not take it within 30 s, saying why
   */
  public static RecordMetadata request(ScorerConfig config, String userId, String reason, Clock clock) throws InterruptedException {
    Properties props = ScorerService.clientProperties(config);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    String topic = config.get(ScorerConfig.ERASURES_TOPIC);
    ErasureRequest request = ErasureRequest.newBuilder().setUserId(userId).setRequestedAt(clock.instant()).setReason(reason).build();
    try (KafkaProducer<String, ErasureRequest> producer = new KafkaProducer<>(props, new StringSerializer(),
        ConfluentAvroSerde.forValues(config.registryClient(), ErasureRequest.class).serializer())) {
      return producer.send(new ProducerRecord<>(topic, userId, request)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the erasure of " + userId + " was not published to " + topic + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the erasure of " + userId + " was not published to " + topic + " within "
          + SEND_TIMEOUT.toSeconds() + " s; is the cluster reachable, and has a scorer created the topic?", e);
    }
  }
}
