package io.influence.scorer.service;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.topology.TopologySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the service writes to and Kafka Streams does not manage: the compacted score
 * and account-link topics, and a dead-letter topic for every connector topic and the erasure requests. Connector topics can
 * appear at any time, so {@link #ensureDeadLetterTopics()} runs again periodically.
 */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Admin admin;
  private final ScorerConfig config;

  public TopicProvisioner(Admin admin, ScorerConfig config) {
    this.admin = admin;
    this.config = config;
  }

  /** The output, account-link and erasure topics (requested and applied): compacted, since only a key's latest value matters. */
  public void ensureTableTopics() {
    Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    create(List.of(
        newTopic(config.get(ScorerConfig.OUTPUT_TOPIC), compacted),
        newTopic(config.get(ScorerConfig.ACCOUNT_LINKS_TOPIC), compacted),
        newTopic(config.get(ScorerConfig.ERASURES_TOPIC), compacted),
        newTopic(TopologySettings.appliedErasuresTopic(config.get(ScorerConfig.ERASURES_TOPIC)), compacted)));
  }

  /**
   * A {@code <input>.dlq} for each connector topic and for the erasure requests, where it lacks one.
   * Dead letters keep their original timestamps, which in a replay are years old; log-append time makes
   * retention count from arrival.
   */
  public void ensureDeadLetterTopics() {
    Pattern inputs = config.get(ScorerConfig.INPUT_PATTERN);
    String erasures = config.get(ScorerConfig.ERASURES_TOPIC);
    Set<String> existing = topicNames();
    List<NewTopic> missing = new ArrayList<>();
    for (String topic : existing) {
      String deadLetters = TopologySettings.deadLetterTopic(topic);
      if ((inputs.matcher(topic).matches() || topic.equals(erasures)) && !existing.contains(deadLetters)) {
        missing.add(newTopic(deadLetters, Map.of(
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(java.time.Duration.ofDays(30).toMillis()))));
      }
    }
    create(missing);
  }

  private NewTopic newTopic(String name, Map<String, String> configs) {
    int replication = config.get(ScorerConfig.REPLICATION_FACTOR);
    return new NewTopic(name, Optional.of(config.get(ScorerConfig.TOPIC_PARTITIONS)),
        replication < 0 ? Optional.empty() : Optional.of((short) replication)).configs(configs);
  }

  private Set<String> topicNames() {
    try {
      return admin.listTopics().names().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics at " + config.get(ScorerConfig.BOOTSTRAP_SERVERS) + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void create(List<NewTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    admin.createTopics(topics).values().forEach((name, future) -> {
      try {
        future.get();
        log.info("Created topic {}", name);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + name, e);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        }
      }
    });
  }
}
