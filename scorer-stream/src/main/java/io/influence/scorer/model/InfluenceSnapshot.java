package io.influence.scorer.model;

import java.util.List;
import java.util.Map;

/**
 * A user's influence as of one moment: what the output topic and the HTTP API publish.
 *
 * @param score 1–100
 * @param influence raw decayed influence
 * @param topics the top topics, strongest first
 * @param networks influence per network, largest first
 * @param engagementCounts engagements received (or posts made) by type
 */
public record InfluenceSnapshot(
    String userId,
    double score,
    double influence,
    List<TopicInfluence> topics,
    List<NetworkInfluence> networks,
    Map<EngagementType, Long> engagementCounts,
    long asOfMillis) {

  public InfluenceSnapshot {
    topics = List.copyOf(topics);
    networks = List.copyOf(networks);
    engagementCounts = Map.copyOf(engagementCounts);
  }

  public List<String> topicNames() {
    return topics.stream().map(TopicInfluence::topic).toList();
  }

  public record TopicInfluence(String topic, double score, double influence) {}

  public record NetworkInfluence(String network, double influence) {}
}
