package io.influence.scorer.query;

import io.influence.scorer.model.InfluenceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    return new UserScoreView(
        snapshot.userId(),
        ApiFormat.score(snapshot.score()),
        Double.isNaN(previousScore) ? null : ApiFormat.score(previousScore),
        ApiFormat.influence(snapshot.influence()),
        snapshot.topics().stream().map(t -> new TopicView(t.topic(), ApiFormat.score(t.score()))).toList(),
        snapshot.networks().stream().map(n -> new NetworkView(n.network(), ApiFormat.influence(n.influence()))).toList(),
        ApiFormat.engagements(snapshot.engagementCounts()),
        Instant.ofEpochMilli(snapshot.asOfMillis()));
  }
}
