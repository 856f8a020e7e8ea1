package io.influence.connector;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a topic unless it exists, and waits until its partitions are served: what every publisher
 * of this project does before its first send to a topic (interactions, dead letters, cursors, links).
 */
public final class TopicCreator {
  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
  static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final String bootstrapServers;

  /** @param admin used, not closed */
  public TopicCreator(Admin admin, String bootstrapServers) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Creates {@code topic} as described unless it exists, then waits until each of its partitions is served.
   *
   * @return true if this call created it, false if it existed (its configuration is then left as it is)
   * @throws PublishException if Kafka refuses or does not answer
   */
  public boolean ensure(NewTopic topic) {
    boolean created = createIfMissing(topic);
    awaitServed(topic.name());
    return created;
  }

  private boolean createIfMissing(NewTopic topic) {
    try {
      admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      log.info("created topic {} (partitions {}, replication factor {}, configs {})", topic.name(), topic.numPartitions(),
          topic.replicationFactor(), topic.configs() == null ? Map.of() : topic.configs());
      return true;
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new PublishException("cannot create topic " + topic.name() + " (partitions " + topic.numPartitions()
            + ", replication factor " + topic.replicationFactor() + "): " + e.getCause(), e.getCause());
      }
      return false;
    } catch (TimeoutException e) {
      throw new PublishException("Kafka at " + bootstrapServers + " did not answer within "
          + ADMIN_TIMEOUT.toSeconds() + " s while creating topic " + topic.name() + "; is it running and reachable?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while creating topic " + topic.name(), e);
    }
  }

  /**
   * Waits until every partition of {@code topic} is served by its leader. A broker announces a new
   * partition's leader in its metadata before the leader has opened the partition; a first batch sent
   * in between fails with NOT_LEADER_OR_FOLLOWER while the next one, already in flight, may land once
   * the partition is open. The broker then holds the producer's sequence from that second batch on, and
   * an idempotent producer retries the first as out of order until the delivery timeout (seen in
   * InteractionPublisherIT one run in six). Listing offsets is answered by the partition's leader
   * itself, not from metadata, so once it succeeds for every partition a first send cannot race.
   */
  private void awaitServed(String topic) {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    try {
      while (true) {
        try {
          TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
              .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
          admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          return;
        } catch (ExecutionException e) {
          // A topic created a moment ago may not be known yet to the broker that answers: ask again.
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(50);
        }
      }
    } catch (ExecutionException e) {
      throw new PublishException("topic " + topic + " was created but its partitions are not served: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new PublishException("the partitions of topic " + topic + " were not served within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting for topic " + topic, e);
    }
  }
}
