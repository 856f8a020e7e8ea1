package io.influence.scorer.topology;

import io.influence.schema.CauseKind;
import io.influence.schema.DayScore;
import io.influence.schema.InteractionType;
import io.influence.schema.NetworkInfluence;
import io.influence.schema.ScoreCause;
import io.influence.schema.TopicScore;
import io.influence.schema.UserScore;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.PublishedScore;
import io.influence.scorer.model.PublishedStanding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Writes a model snapshot as the public {@link UserScore} record. */
final class UserScores {
  private UserScores() {}

  /** What this service reads back of a published score. */
  static PublishedStanding standing(UserScore score) {
    TreeMap<Long, Double> days = new TreeMap<>();
    score.getRecentDays().forEach(day -> days.put(day.getDay().toEpochDay(), day.getScore()));
    Map<String, Double> topicScores = new HashMap<>();
    score.getTopics().forEach(topic -> topicScores.put(topic.getTopic(), topic.getScore()));
    return new PublishedStanding(new PublishedScore(score.getScore(), score.getUpdatedAt().toEpochMilli(), days), topicScores);
  }

  static UserScore fromEvent(InfluenceSnapshot snapshot, double previousScore, PublishedScore published, Engagement engagement,
      Contribution contribution) {
    ScoreCause cause = ScoreCause.newBuilder()
        .setKind(CauseKind.EVENT)
        .setEventId(engagement.eventId())
        .setActorId(engagement.actorId())
        .setInteractionType(InteractionType.valueOf(engagement.type().name()))
        .setContribution(contribution.influence())
        .build();
    return toRecord(snapshot, previousScore, published, cause);
  }

  static UserScore toRecord(InfluenceSnapshot snapshot, double previousScore, PublishedScore published, ScoreCause cause) {
    return UserScore.newBuilder()
        .setUserId(snapshot.userId())
        .setScore(snapshot.score())
        .setPreviousScore(Double.isNaN(previousScore) ? null : previousScore)
        .setRecentDays(published.dayEndScores().entrySet().stream()
            .map(day -> new DayScore(LocalDate.ofEpochDay(day.getKey()), day.getValue()))
            .toList())
        .setInfluence(snapshot.influence())
        .setTopics(snapshot.topics().stream()
            .map(t -> new TopicScore(t.topic(), t.score(), t.influence()))
            .toList())
        .setNetworks(snapshot.networks().stream()
            .map(n -> new NetworkInfluence(n.network(), n.influence()))
            .toList())
        .setUpdatedAt(Instant.ofEpochMilli(snapshot.asOfMillis()))
        .setCause(cause)
        .build();
  }
}
