package io.influence.scorer.model;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's UTC day: the engagement they received (and the posts they made), the raw influence it
 * carried by type, network and topic, and the last score published that day. The user's history is a
 * run of these, one per day for {@link #KEPT}; unlike {@link UserInfluence}'s sums, which are
 * forward-decayed for O(1) scoring, the sums here are the influence each engagement had at its own time.
 *
 * @param counts accepted engagements by type, posts included
 * @param influenceByType raw influence received by type (posts carry none)
 * @param score the last score published on the day; NaN if none was
 * @param scoreAtMillis when that score was computed; {@link Long#MIN_VALUE} if none was
 */
public record DailyActivity(
    long dayIndex,
    Map<EngagementType, Long> counts,
    Map<EngagementType, Double> influenceByType,
    Map<String, Double> influenceByNetwork,
    Map<String, Double> influenceByTopic,
    double score,
    long scoreAtMillis) {

  public static final long MILLIS_PER_DAY = 86_400_000L;
  /** How long a user's days are kept, for their history: what {@code /v1/users/{id}/history} can show. */
  public static final Duration KEPT = Duration.ofDays(90);

  public DailyActivity {
    counts = copy(counts, EngagementType.class);
    influenceByType = copy(influenceByType, EngagementType.class);
    influenceByNetwork = Map.copyOf(influenceByNetwork);
    influenceByTopic = Map.copyOf(influenceByTopic);
  }

  public static DailyActivity empty(long dayIndex) {
    return new DailyActivity(dayIndex, Map.of(), Map.of(), Map.of(), Map.of(), Double.NaN, Long.MIN_VALUE);
  }

  public static long dayIndexOf(long atMillis) {
    return Math.floorDiv(atMillis, MILLIS_PER_DAY);
  }

  public long startMillis() {
    return dayIndex * MILLIS_PER_DAY;
  }

  public boolean hasScore() {
    return scoreAtMillis != Long.MIN_VALUE;
  }

  /**
   * With one more engagement that the model accepted: {@link Contribution.Outcome#SCORED} or
   * {@link Contribution.Outcome#ACTIVITY}. Ignored engagements and duplicates are not the user's history.
   */
  public DailyActivity withEngagement(Engagement engagement, Contribution contribution) {
    Map<EngagementType, Long> newCounts = new EnumMap<>(EngagementType.class);
    newCounts.putAll(counts);
    newCounts.merge(engagement.type(), 1L, Long::sum);
    if (contribution.outcome() != Contribution.Outcome.SCORED) {
      return new DailyActivity(dayIndex, newCounts, influenceByType, influenceByNetwork, influenceByTopic, score, scoreAtMillis);
    }
    double influence = contribution.influence();
    Map<EngagementType, Double> byType = new EnumMap<>(EngagementType.class);
    byType.putAll(influenceByType);
    byType.merge(engagement.type(), influence, Double::sum);
    Map<String, Double> byNetwork = new HashMap<>(influenceByNetwork);
    byNetwork.merge(engagement.network(), influence, Double::sum);
    return new DailyActivity(dayIndex, newCounts, byType, byNetwork, plusEach(influenceByTopic, engagement.topics(), influence),
        score, scoreAtMillis);
  }

  /** With a score published at {@code atMillis}; a score computed earlier than the one held does not replace it. */
  public DailyActivity withScore(double publishedScore, long atMillis) {
    if (atMillis < scoreAtMillis) {
      return this;
    }
    return new DailyActivity(dayIndex, counts, influenceByType, influenceByNetwork, influenceByTopic, publishedScore, atMillis);
  }

  private static Map<String, Double> plusEach(Map<String, Double> values, List<String> keys, double added) {
    Map<String, Double> sums = new HashMap<>(values);
    // A topic named twice counts twice, as in UserInfluence's sums.
    keys.forEach(key -> sums.merge(key, added, Double::sum));
    return sums;
  }

  private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> values, Class<K> type) {
    Map<K, V> copy = new EnumMap<>(type);
    copy.putAll(values);
    return Collections.unmodifiableMap(copy);
  }
}
