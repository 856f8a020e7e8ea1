package io.influence.scorer.query;

import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's score as {@code GET /v1/users/{userId}} returns it. Field names follow the model and the
 * UserScore schema, so one concept has one name everywhere.
 */
public record UserScoreView(
    String userId,
    double score,
    Double previousScore,
    double influence,
    List<TopicView> topics,
    List<NetworkView> networks,
    Map<String, Long> engagements,
    Instant updatedAt) {

  public record TopicView(String topic, double score) {}

  public record NetworkView(String network, double influence) {}

  static UserScoreView of(InfluenceSnapshot snapshot, double previousScore) {
    Map<String, Long> engagements = new TreeMap<>();
    for (Map.Entry<EngagementType, Long> count : snapshot.engagementCounts().entrySet()) {
      engagements.put(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
    }
    return new UserScoreView(
        snapshot.userId(),
        round(snapshot.score()),
        Double.isNaN(previousScore) ? null : round(previousScore),
        snapshot.influence(),
        snapshot.topics().stream().map(t -> new TopicView(t.topic(), round(t.score()))).toList(),
        snapshot.networks().stream().map(n -> new NetworkView(n.network(), n.influence())).toList(),
        engagements,
        Instant.ofEpochMilli(snapshot.asOfMillis()));
  }

  /** Scores are published to two decimals: the emission threshold is 0.01. */
  private static double round(double score) {
    return Math.round(score * 100) / 100.0;
  }
}
