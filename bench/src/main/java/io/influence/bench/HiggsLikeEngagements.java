package io.influence.bench;

import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic engagements shaped like the SNAP Higgs Twitter file (../shared/data/README.md), so that
 * the benchmarks read no file: they measure the update, not I/O or parsing.
 *
 * <ul>
 *   <li>types as in the file: 63 % retweets (SHARE), 30 % mentions, 7 % replies;
 *   <li>targets drawn from a Zipf law of exponent 0.9: a few users receive much of the engagement (the
 *       file's top user got 3.4 % of it), most receive a little;
 *   <li>actors drawn uniformly from a larger population that contains the targets, so actors are also
 *       scored users, as in the file;
 *   <li>actor scores mostly low (most accounts are fresh), sometimes high; selectivity 1 (the model
 *       computes its own when it applies events);
 *   <li>optionally some topics, drawn from a vocabulary as large as the service's simulator's; the
 *       Higgs file has none, the service's events have one or two.
 * </ul>
 */
final class HiggsLikeEngagements {
  private static final double ZIPF_EXPONENT = 0.9;
  /** As many topics as the service's simulator knows: fewer than a user's state tracks (32). */
  private static final int TOPIC_VOCABULARY = 12;

  private final SplittableRandom random;
  private final String[] userIds;
  private final double[] targetCumulative;
  private final double selfShare;
  private final int topicsPerEvent;
  private final String[] topics;
  private long sequence;

  /**
   * @param targets users who receive engagement: the first {@code targets} of the population
   * @param population users who act
   * @param selfShare share of self-interactions (the file has 1.3 %)
   */
  HiggsLikeEngagements(long seed, int targets, int population, double selfShare, int topicsPerEvent) {
    this.random = new SplittableRandom(seed);
    this.userIds = new String[Math.max(targets, population)];
    Arrays.setAll(userIds, i -> "twitter:" + i);
    this.targetCumulative = new double[targets];
    double sum = 0;
    for (int rank = 0; rank < targets; rank++) {
      sum += Math.pow(rank + 1, -ZIPF_EXPONENT);
      targetCumulative[rank] = sum;
    }
    this.selfShare = selfShare;
    this.topicsPerEvent = topicsPerEvent;
    this.topics = new String[TOPIC_VOCABULARY];
    Arrays.setAll(topics, i -> "topic" + i);
  }

  /** The engagements in order, with a target drawn for each, evenly spread over [fromMillis, toMillis). */
  Trace between(long fromMillis, long toMillis, int count) {
    Engagement[] engagements = new Engagement[count];
    int[] targets = new int[count];
    for (int i = 0; i < count; i++) {
      int target = nextTarget();
      targets[i] = target;
      engagements[i] = next(target, fromMillis + (toMillis - fromMillis) * i / count);
    }
    return new Trace(engagements, targets);
  }

  String userId(int index) {
    return userIds[index];
  }

  private int nextTarget() {
    double u = random.nextDouble() * targetCumulative[targetCumulative.length - 1];
    int found = Arrays.binarySearch(targetCumulative, u);
    return found >= 0 ? found : -found - 1;
  }

  private Engagement next(int target, long atMillis) {
    double draw = random.nextDouble();
    EngagementType type = draw < 0.63 ? EngagementType.SHARE : draw < 0.93 ? EngagementType.MENTION : EngagementType.REPLY;
    int actor = random.nextDouble() < selfShare ? target : random.nextInt(userIds.length);
    double actorScore = 1 + 59 * Math.pow(random.nextDouble(), 3);
    List<String> eventTopics = new ArrayList<>(topicsPerEvent);
    while (eventTopics.size() < topicsPerEvent) {
      String topic = topics[random.nextInt(topics.length)];
      if (!eventTopics.contains(topic)) {
        eventTopics.add(topic);
      }
    }
    return new Engagement("higgs-like:" + sequence++, "twitter", type, userIds[actor], userIds[target], eventTopics, atMillis,
        actorScore, 1.0);
  }

  /** Engagements and, for each, the index of its target. */
  record Trace(Engagement[] engagements, int[] targets) {}
}
