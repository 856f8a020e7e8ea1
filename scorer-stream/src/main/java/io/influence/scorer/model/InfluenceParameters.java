package io.influence.scorer.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every constant of the influence model. Defaults and their reasons are in docs/SCORING.md.
 *
 * @param halfLife how fast received engagement loses weight
 * @param typeWeights influence one engagement of each type is worth from an actor at the prior
 * @param postTopicWeight topic influence one's own post on a topic is worth (activity, not influence)
 * @param scale raw influence to 1–100
 * @param actorWeighting how the actor's own score scales an engagement
 * @param topTopics how many topics a score carries
 * @param trackedTopics how many topics a user's state keeps, beyond which the weakest is forgotten
 */
public record InfluenceParameters(
    HalfLife halfLife,
    Map<EngagementType, Double> typeWeights,
    double postTopicWeight,
    InfluenceScale scale,
    ActorWeighting actorWeighting,
    int topTopics,
    int trackedTopics) {

  public InfluenceParameters {
    EnumMap<EngagementType, Double> complete = new EnumMap<>(EngagementType.class);
    for (EngagementType type : EngagementType.values()) {
      Double weight = typeWeights.get(type);
      if (weight == null || weight < 0 || weight.isNaN()) {
        throw new IllegalArgumentException("weight of " + type + " must be a non-negative number, got " + weight);
      }
      complete.put(type, weight);
    }
    typeWeights = Map.copyOf(complete);
    if (topTopics < 0 || trackedTopics < topTopics) {
      throw new IllegalArgumentException("need 0 <= topTopics <= trackedTopics, got " + topTopics + " and " + trackedTopics);
    }
  }

  public static InfluenceParameters defaults() {
    return new InfluenceParameters(
        new HalfLife(Duration.ofDays(35)),
        defaultTypeWeights(),
        0.1,
        new InfluenceScale(5.0, 1.0, 80.0),
        new ActorWeighting(true, 10.0, 20.0),
        5,
        20);
  }

  /** SHARE > MENTION > REPLY = COMMENT > LIKE > FOLLOW; POST earns no influence. */
  public static Map<EngagementType, Double> defaultTypeWeights() {
    return Map.of(
        EngagementType.SHARE, 1.0,
        EngagementType.MENTION, 0.7,
        EngagementType.REPLY, 0.5,
        EngagementType.COMMENT, 0.5,
        EngagementType.LIKE, 0.2,
        EngagementType.FOLLOW, 0.1,
        EngagementType.POST, 0.0);
  }

  public double weight(EngagementType type) {
    return typeWeights.get(type);
  }

  public InfluenceParameters withActorWeighting(ActorWeighting weighting) {
    return new InfluenceParameters(halfLife, typeWeights, postTopicWeight, scale, weighting, topTopics, trackedTopics);
  }

  public InfluenceParameters withHalfLife(HalfLife newHalfLife) {
    return new InfluenceParameters(newHalfLife, typeWeights, postTopicWeight, scale, actorWeighting, topTopics, trackedTopics);
  }
}
