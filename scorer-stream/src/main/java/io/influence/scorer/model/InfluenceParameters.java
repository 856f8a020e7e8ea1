package io.influence.scorer.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every constant of the influence model. Defaults and the reasons for them are in docs/SCORING.md.
 *
 * @param halfLife how fast received engagement loses weight in the long-run level
 * @param paceHalfLife how fast it loses weight in the recent pace, which lets an active user recover
 * @param window engagement older than this no longer counts at all
 * @param typeWeights influence of one engagement of each type from an actor at the reference score
 * @param postTopicWeight topic influence of one's own post on a topic (activity, not influence)
 * @param scale raw influence to 1–100
 * @param actorWeighting how the actor's own score scales an engagement
 * @param selectivityFreeActions likes and shares an actor makes in a day before each counts less
 * @param topTopics how many topics a score carries
 * @param trackedTopics how many topics a user's state keeps; beyond, the weakest is forgotten
 * @param topContributors how many of the actors who lifted a user most are remembered
 * @param recentCauses how many recent causes of change are remembered
 */
public record InfluenceParameters(
    HalfLife halfLife,
    HalfLife paceHalfLife,
    Duration window,
    Map<EngagementType, Double> typeWeights,
    double postTopicWeight,
    InfluenceScale scale,
    ActorWeighting actorWeighting,
    double selectivityFreeActions,
    int topTopics,
    int trackedTopics,
    int topContributors,
    int recentCauses) {

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
    if (window.toDays() < 1) {
      throw new IllegalArgumentException("window must be at least a day, got " + window);
    }
    if (paceHalfLife.duration().compareTo(halfLife.duration()) >= 0) {
      throw new IllegalArgumentException("the pace half-life must be shorter than the half-life");
    }
    if (!(selectivityFreeActions >= 1)) {
      throw new IllegalArgumentException("selectivityFreeActions must be at least 1, got " + selectivityFreeActions);
    }
    if (topTopics < 0 || trackedTopics < topTopics || topContributors < 1 || recentCauses < 1) {
      throw new IllegalArgumentException("need 0 <= topTopics <= trackedTopics and at least one contributor and cause");
    }
  }

  public static InfluenceParameters defaults() {
    return new InfluenceParameters(
        new HalfLife(Duration.ofDays(50)),
        new HalfLife(Duration.ofHours(84)),
        Duration.ofDays(90),
        defaultTypeWeights(),
        0.1,
        new InfluenceScale(5.0, 1.0, 80.0),
        new ActorWeighting(true, 1.0, 40.0, 10.0),
        5,
        5,
        32,
        10,
        5);
  }

  /** SHARE > MENTION > REPLY = COMMENT > LIKE > FOLLOW; POST earns no influence, only topic activity. */
  public static Map<EngagementType, Double> defaultTypeWeights() {
    return Map.of(
        EngagementType.SHARE, 1.0,
        EngagementType.MENTION, 0.8,
        EngagementType.REPLY, 0.6,
        EngagementType.COMMENT, 0.6,
        EngagementType.LIKE, 0.25,
        EngagementType.FOLLOW, 0.15,
        EngagementType.POST, 0.0);
  }

  public double weight(EngagementType type) {
    return typeWeights.get(type);
  }

  /**
   * The raw influence one engagement adds at its own time: the type's weight, times the actor's
   * multiplier, times the actor's selectivity that day, times the pair's repetition factor.
   */
  public double influenceOf(Engagement engagement, double repetitionFactor) {
    return weight(engagement.type())
        * actorWeighting.multiplier(engagement.actorScore())
        * engagement.actorSelectivity()
        * repetitionFactor;
  }

  /**
   * Converts the recent pace to the units of the long-run level: for a steady stream of engagement
   * both come out equal, so the pace only matters after a change in activity.
   */
  public double paceToLevel() {
    double windowKept = 1 - halfLife.decayOver(window.toMillis());
    return windowKept * halfLife.duration().toMillis() / (double) paceHalfLife.duration().toMillis();
  }

  public long windowDays() {
    return window.toDays();
  }

  public InfluenceParameters withActorWeighting(ActorWeighting weighting) {
    return new InfluenceParameters(halfLife, paceHalfLife, window, typeWeights, postTopicWeight, scale, weighting,
        selectivityFreeActions, topTopics, trackedTopics, topContributors, recentCauses);
  }

  public InfluenceParameters withHalfLife(HalfLife newHalfLife) {
    return new InfluenceParameters(newHalfLife, paceHalfLife, window, typeWeights, postTopicWeight, scale, actorWeighting,
        selectivityFreeActions, topTopics, trackedTopics, topContributors, recentCauses);
  }

  public InfluenceParameters withSelectivityFreeActions(double freeActions) {
    return new InfluenceParameters(halfLife, paceHalfLife, window, typeWeights, postTopicWeight, scale, actorWeighting,
        freeActions, topTopics, trackedTopics, topContributors, recentCauses);
  }

  public InfluenceParameters withTypeWeights(Map<EngagementType, Double> weights) {
    return new InfluenceParameters(halfLife, paceHalfLife, window, weights, postTopicWeight, scale, actorWeighting,
        selectivityFreeActions, topTopics, trackedTopics, topContributors, recentCauses);
  }
}
