package io.influence.scorer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's influence state: the decayed sums of engagement received, overall, per network and per
 * topic, plus what was last published, so the next update can say what changed.
 *
 * <p>Decay uses forward decay (Cormode, Shkapenyuk, Srivastava, Xu: "Forward Decay: A Practical Time
 * Decay Model for Streaming Systems", ICDE 2009): an engagement of weight {@code w} at time {@code t}
 * is stored as {@code w·e^(λ(t−L))} against a landmark {@code L}, and the value at time {@code T} is
 * the stored sum times {@code e^(−λ(T−L))}. Adding an event is O(1) and exact whatever the order
 * in which events arrive, so out-of-order events need no special case. When the stored exponent grows
 * large the landmark moves forward and the sums are rescaled, so nothing overflows.
 *
 * <p>Mutable and not thread-safe: one instance belongs to one stream task at a time.
 */
public final class UserInfluence {
  /** {@code e^40 ≈ 2·10^17}: far from overflow, yet reached only after years of a 35-day half-life. */
  private static final double MAX_FORWARD_EXPONENT = 40;

  private final String userId;
  private long landmarkMillis;
  private double forwardTotal;
  private final Map<String, Double> forwardByNetwork;
  private final Map<String, Double> forwardByTopic;
  private final long[] engagementCounts;
  private long latestEventMillis;
  private double publishedScore;
  private double previousPublishedScore;
  private List<String> publishedTopics;

  private UserInfluence(State state) {
    this.userId = state.userId();
    this.landmarkMillis = state.landmarkMillis();
    this.forwardTotal = state.forwardTotal();
    this.forwardByNetwork = new HashMap<>(state.forwardByNetwork());
    this.forwardByTopic = new HashMap<>(state.forwardByTopic());
    this.engagementCounts = new long[EngagementType.values().length];
    state.engagementCounts().forEach((type, count) -> engagementCounts[type.ordinal()] = count);
    this.latestEventMillis = state.latestEventMillis();
    this.publishedScore = state.publishedScore();
    this.previousPublishedScore = state.previousPublishedScore();
    this.publishedTopics = List.copyOf(state.publishedTopics());
  }

  /** A user who has received nothing yet. */
  public static UserInfluence newUser(String userId) {
    return new UserInfluence(new State(userId, Long.MIN_VALUE, 0, Map.of(), Map.of(), Map.of(), Long.MIN_VALUE, Double.NaN, Double.NaN, List.of()));
  }

  public static UserInfluence restore(State state) {
    return new UserInfluence(state);
  }

  public String userId() {
    return userId;
  }

  /**
   * Adds an engagement this user received (or, for a POST, made).
   *
   * @return what the engagement was worth; {@link Contribution#ignored} for a self-interaction
   */
  public Contribution receive(Engagement engagement, InfluenceParameters parameters) {
    if (engagement.isSelfInteraction()) {
      return Contribution.ignored();
    }
    long at = engagement.occurredAtMillis();
    moveLandmarkIfNeeded(at, parameters.halfLife());
    double forward = Math.exp(parameters.halfLife().ratePerMilli() * (at - landmarkMillis));
    engagementCounts[engagement.type().ordinal()]++;
    latestEventMillis = Math.max(latestEventMillis, at);

    if (engagement.type() == EngagementType.POST) {
      addToTopics(engagement.topics(), parameters.postTopicWeight() * forward, parameters.trackedTopics());
      return Contribution.activity();
    }
    double influence = parameters.weight(engagement.type())
        * parameters.actorWeighting().multiplier(engagement.actorScore());
    double forwardInfluence = influence * forward;
    forwardTotal += forwardInfluence;
    forwardByNetwork.merge(engagement.network(), forwardInfluence, Double::sum);
    addToTopics(engagement.topics(), forwardInfluence, parameters.trackedTopics());
    return Contribution.scored(influence);
  }

  /** The user's influence and score as of {@code atMillis}, with decay applied up to then. */
  public InfluenceSnapshot snapshotAt(long atMillis, InfluenceParameters parameters) {
    double decay = landmarkMillis == Long.MIN_VALUE
        ? 0
        : Math.exp(-parameters.halfLife().ratePerMilli() * (atMillis - landmarkMillis));
    double influence = forwardTotal * decay;
    InfluenceScale scale = parameters.scale();

    List<InfluenceSnapshot.TopicInfluence> topics = new ArrayList<>();
    forwardByTopic.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(parameters.topTopics())
        .forEach(e -> topics.add(new InfluenceSnapshot.TopicInfluence(e.getKey(), scale.score(e.getValue() * decay), e.getValue() * decay)));

    List<InfluenceSnapshot.NetworkInfluence> networks = new ArrayList<>();
    forwardByNetwork.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> networks.add(new InfluenceSnapshot.NetworkInfluence(e.getKey(), e.getValue() * decay)));

    return new InfluenceSnapshot(userId, scale.score(influence), influence, topics, networks, engagementCounts(), atMillis);
  }

  /**
   * Whether {@code snapshot} differs enough from what was last published to publish it: the first
   * snapshot always does; later ones when the score moved by at least {@code minScoreChange} or the
   * list of top topics changed.
   */
  public boolean isWorthPublishing(InfluenceSnapshot snapshot, double minScoreChange) {
    return Double.isNaN(publishedScore)
        || Math.abs(snapshot.score() - publishedScore) >= minScoreChange
        || !snapshot.topicNames().equals(publishedTopics);
  }

  /** Records that {@code snapshot} was published; returns the score it replaces (NaN if none). */
  public double markPublished(InfluenceSnapshot snapshot) {
    previousPublishedScore = publishedScore;
    publishedScore = snapshot.score();
    publishedTopics = snapshot.topicNames();
    return previousPublishedScore;
  }

  /** The score the latest publication replaced (NaN if there was at most one). */
  public double previousPublishedScore() {
    return previousPublishedScore;
  }

  public long latestEventMillis() {
    return latestEventMillis;
  }

  public State state() {
    return new State(userId, landmarkMillis, forwardTotal, Map.copyOf(forwardByNetwork), Map.copyOf(forwardByTopic),
        engagementCounts(), latestEventMillis, publishedScore, previousPublishedScore, publishedTopics);
  }

  private Map<EngagementType, Long> engagementCounts() {
    Map<EngagementType, Long> counts = new EnumMap<>(EngagementType.class);
    for (EngagementType type : EngagementType.values()) {
      if (engagementCounts[type.ordinal()] > 0) {
        counts.put(type, engagementCounts[type.ordinal()]);
      }
    }
    return counts;
  }

  private void addToTopics(List<String> topics, double forwardInfluence, int trackedTopics) {
    for (String topic : topics) {
      forwardByTopic.merge(topic, forwardInfluence, Double::sum);
    }
    while (forwardByTopic.size() > trackedTopics) {
      forwardByTopic.entrySet().stream()
          .min(Comparator.comparingDouble(Map.Entry::getValue))
          .ifPresent(weakest -> forwardByTopic.remove(weakest.getKey()));
    }
  }

  private void moveLandmarkIfNeeded(long atMillis, HalfLife halfLife) {
    if (landmarkMillis == Long.MIN_VALUE) {
      landmarkMillis = atMillis;
      return;
    }
    if (halfLife.ratePerMilli() * (atMillis - landmarkMillis) <= MAX_FORWARD_EXPONENT) {
      return;
    }
    double rescale = halfLife.decayOver(atMillis - landmarkMillis);
    forwardTotal *= rescale;
    forwardByNetwork.replaceAll((network, value) -> value * rescale);
    forwardByTopic.replaceAll((topic, value) -> value * rescale);
    landmarkMillis = atMillis;
  }

  /**
   * Everything a {@link UserInfluence} holds, for storing it. Forward sums are relative to
   * {@code landmarkMillis} ({@link Long#MIN_VALUE} while nothing was received).
   */
  public record State(
      String userId,
      long landmarkMillis,
      double forwardTotal,
      Map<String, Double> forwardByNetwork,
      Map<String, Double> forwardByTopic,
      Map<EngagementType, Long> engagementCounts,
      long latestEventMillis,
      double publishedScore,
      double previousPublishedScore,
      List<String> publishedTopics) {}
}
