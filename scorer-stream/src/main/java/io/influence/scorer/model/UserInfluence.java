package io.influence.scorer.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One user's influence: the engagement they received, decayed on two timescales, overall, per network
 * and per topic, with their counts by type, who lifted them most, and what was last published.
 *
 * <p><b>Decay.</b> Forward decay (Cormode, Shkapenyuk, Srivastava, Xu: "Forward Decay: A Practical
 * Time Decay Model for Streaming Systems", ICDE 2009): an engagement of influence {@code w} at time
 * {@code t} is stored as {@code w·e^(λ(t−L))} against a landmark {@code L}, and is worth that times
 * {@code e^(−λ(T−L))} at time {@code T}. An update is O(1) and exact in whatever order events arrive,
 * however late. When exponents grow large the landmark moves forward and every sum is rescaled.
 *
 * <p><b>Standing and momentum.</b> Two sums are kept, the standing (half-life 180 days) and the
 * momentum (3.5 days); {@link Momentum} combines them into the influence scored. Nothing is kept per
 * day: the state is the same size after a week as after ten years (the 90 days of history the API
 * shows live in the daily-activity store, apart).
 *
 * <p>Mutable and not thread-safe: one instance belongs to one stream task at a time.
 */
public final class UserInfluence {
  /** {@code e^40 ≈ 2·10^17}: far from overflow, and reached only after months of the momentum's half-life. */
  private static final double MAX_FORWARD_EXPONENT = 40;
  /** Far enough ahead to look for a fall of the score: a standing half-life at most halves it. */
  private static final int FALL_SEARCH_STEPS = 60;

  private final String userId;
  private long landmarkMillis;
  private final Sums total;
  private final Map<String, Double> standingByNetwork;
  private final Map<String, Sums> byTopic;
  private final long[] counts;
  private final Map<String, Double> forwardByContributor;
  private final Deque<Cause> recentCauses;
  private long latestEventMillis;
  private PublishedScore published;
  private double previousPublishedScore;
  private List<String> publishedTopics;

  private UserInfluence(State state) {
    this.userId = state.userId();
    this.landmarkMillis = state.landmarkMillis();
    this.total = new Sums(state.standing(), state.momentum());
    this.standingByNetwork = new HashMap<>(state.standingByNetwork());
    this.byTopic = new HashMap<>();
    state.byTopic().forEach((topic, sums) -> byTopic.put(topic, new Sums(sums.standing(), sums.momentum())));
    this.counts = new long[EngagementType.values().length];
    state.counts().forEach((type, count) -> counts[type.ordinal()] = count);
    this.forwardByContributor = new HashMap<>(state.forwardByContributor());
    this.recentCauses = new ArrayDeque<>(state.recentCauses());
    this.latestEventMillis = state.latestEventMillis();
    this.published = state.published();
    this.previousPublishedScore = state.previousPublishedScore();
    this.publishedTopics = List.copyOf(state.publishedTopics());
  }

  /** A user who has received nothing yet. */
  public static UserInfluence newUser(String userId) {
    return new UserInfluence(new State(userId, Long.MIN_VALUE, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
        Long.MIN_VALUE, null, Double.NaN, List.of()));
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
   * @param repetitionFactor what the pair's history leaves this engagement worth ({@link PairHistory})
   * @return what it was worth; {@link Contribution.Outcome#IGNORED} for a self-interaction
   */
  public Contribution receive(Engagement engagement, double repetitionFactor, InfluenceParameters parameters) {
    if (engagement.isSelfInteraction()) {
      return Contribution.selfInteraction();
    }
    long at = engagement.occurredAtMillis();
    moveLandmarkIfNeeded(at, parameters);
    double standingForward = Math.exp(parameters.standingHalfLife().ratePerMilli() * (at - landmarkMillis));
    double momentumForward = Math.exp(parameters.momentum().halfLife().ratePerMilli() * (at - landmarkMillis));
    counts[engagement.type().ordinal()]++;
    latestEventMillis = Math.max(latestEventMillis, at);

    if (engagement.type() == EngagementType.POST) {
      double weight = parameters.postTopicWeight();
      addToTopics(engagement.topics(), weight * standingForward, weight * momentumForward, parameters.trackedTopics());
      return Contribution.activity();
    }
    double influence = parameters.influenceOf(engagement, repetitionFactor);
    double standing = influence * standingForward;
    total.add(standing, influence * momentumForward);
    standingByNetwork.merge(engagement.network(), standing, Double::sum);
    addToTopics(engagement.topics(), standing, influence * momentumForward, parameters.trackedTopics());
    rememberContributor(engagement.actorId(), standing, parameters.topContributors());
    rememberCause(new Cause(engagement.eventId(), engagement.actorId(), engagement.type(), influence, at), parameters.recentCauses());
    return Contribution.scored(influence);
  }

  /** The user's influence and score as of {@code atMillis}, with decay applied up to then. */
  public InfluenceSnapshot snapshotAt(long atMillis, InfluenceParameters parameters) {
    if (landmarkMillis == Long.MIN_VALUE) {
      return new InfluenceSnapshot(userId, parameters.scale().score(0), 0, List.of(), List.of(), engagementCounts(), atMillis);
    }
    Decay decay = decayAt(atMillis, parameters);
    double influence = decay.influenceOf(total, parameters);
    InfluenceScale scale = parameters.scale();

    List<InfluenceSnapshot.TopicInfluence> topics = strongest(byTopic.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), decay.influenceOf(e.getValue(), parameters))).toList(), parameters.topTopics())
        .stream()
        .map(e -> new InfluenceSnapshot.TopicInfluence(e.getKey(), scale.score(e.getValue()), e.getValue()))
        .toList();
    // Each network's part of the influence is its part of the standing.
    double perStanding = total.standing > 0 ? influence / total.standing : 0;
    List<InfluenceSnapshot.NetworkInfluence> networks = strongest(List.copyOf(standingByNetwork.entrySet()), Integer.MAX_VALUE).stream()
        .map(e -> new InfluenceSnapshot.NetworkInfluence(e.getKey(), e.getValue() * perStanding))
        .toList();
    return new InfluenceSnapshot(userId, scale.score(influence), influence, topics, networks, engagementCounts(), atMillis);
  }

  /** The score as of {@code atMillis}: {@link #snapshotAt}'s, without the topics and networks. */
  public double scoreAt(long atMillis, InfluenceParameters parameters) {
    if (landmarkMillis == Long.MIN_VALUE) {
      return parameters.scale().score(0);
    }
    return parameters.scale().score(decayAt(atMillis, parameters).influenceOf(total, parameters));
  }

  /**
   * The first time, after {@code fromMillis} and without further engagement, at which the score is
   * down to {@code score} or below; {@link Long#MAX_VALUE} if it never gets there. The score only falls
   * with time, so a bisection finds it.
   */
  public long whenScoreFallsTo(double score, long fromMillis, InfluenceParameters parameters) {
    if (scoreAt(fromMillis, parameters) <= score) {
      return fromMillis;
    }
    long step = parameters.standingHalfLife().duration().toMillis();
    long high = fromMillis;
    for (int i = 0; i < FALL_SEARCH_STEPS && scoreAt(high, parameters) > score; i++) {
      high = Math.addExact(high, step);
    }
    if (scoreAt(high, parameters) > score) {
      return Long.MAX_VALUE;
    }
    long low = fromMillis;
    while (high - low > 1) {
      long middle = low + (high - low) / 2;
      if (scoreAt(middle, parameters) <= score) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return high;
  }

  /** Who lifted this user most, with the influence each gave to their standing, as of {@code atMillis}. */
  public List<Contributor> topContributors(long atMillis, InfluenceParameters parameters) {
    if (landmarkMillis == Long.MIN_VALUE) {
      return List.of();
    }
    double standingDecay = Math.exp(-parameters.standingHalfLife().ratePerMilli() * (atMillis - landmarkMillis));
    return strongest(List.copyOf(forwardByContributor.entrySet()), parameters.topContributors()).stream()
        .map(e -> new Contributor(e.getKey(), e.getValue() * standingDecay))
        .toList();
  }

  /** The most recent engagements that changed the score, newest first. */
  public List<Cause> recentCauses() {
    return List.copyOf(recentCauses);
  }

  /**
   * Whether {@code snapshot} differs enough from what was last published to publish it: the first
   * snapshot always does; later ones when the score moved by at least {@code minScoreChange} or the
   * list of top topics changed.
   */
  public boolean isWorthPublishing(InfluenceSnapshot snapshot, double minScoreChange) {
    return published == null
        || Math.abs(snapshot.score() - published.score()) >= minScoreChange
        || !snapshot.topicNames().equals(publishedTopics);
  }

  /** Records that {@code snapshot} was published; returns the score it replaces (NaN if none). */
  public double markPublished(InfluenceSnapshot snapshot) {
    previousPublishedScore = published == null ? Double.NaN : published.score();
    published = published == null
        ? PublishedScore.first(snapshot.score(), snapshot.asOfMillis())
        : published.next(snapshot.score(), snapshot.asOfMillis());
    publishedTopics = snapshot.topicNames();
    return previousPublishedScore;
  }

  /**
   * Records that {@code snapshot} was published because time alone lowered the score; returns the
   * score it replaces. Unlike {@link #markPublished}, it does not change what the user weighs as an actor.
   */
  public double markDecayed(InfluenceSnapshot snapshot) {
    previousPublishedScore = published.score();
    published = published.decayedTo(snapshot.score(), snapshot.asOfMillis());
    publishedTopics = snapshot.topicNames();
    return previousPublishedScore;
  }

  /** What was last published, or null before the first publication. */
  public PublishedScore published() {
    return published;
  }

  /** The score the latest publication replaced (NaN if there was at most one). */
  public double previousPublishedScore() {
    return previousPublishedScore;
  }

  public long latestEventMillis() {
    return latestEventMillis;
  }

  public State state() {
    Map<String, TopicSums> topics = new HashMap<>();
    byTopic.forEach((topic, sums) -> topics.put(topic, new TopicSums(sums.standing, sums.momentum)));
    return new State(userId, landmarkMillis, total.standing, total.momentum, Map.copyOf(standingByNetwork), Map.copyOf(topics),
        engagementCounts(), Map.copyOf(forwardByContributor), List.copyOf(recentCauses), latestEventMillis, published,
        previousPublishedScore, publishedTopics);
  }

  private Decay decayAt(long atMillis, InfluenceParameters parameters) {
    return new Decay(Math.exp(-parameters.standingHalfLife().ratePerMilli() * (atMillis - landmarkMillis)),
        Math.exp(-parameters.momentum().halfLife().ratePerMilli() * (atMillis - landmarkMillis)));
  }

  /** Engagements received (or posts made) by type, since the user was first engaged. */
  private Map<EngagementType, Long> engagementCounts() {
    Map<EngagementType, Long> byType = new EnumMap<>(EngagementType.class);
    for (EngagementType type : EngagementType.values()) {
      if (counts[type.ordinal()] > 0) {
        byType.put(type, counts[type.ordinal()]);
      }
    }
    return byType;
  }

  /** A topic named twice in one engagement counts twice; normalised events name none twice. */
  private void addToTopics(List<String> topics, double standing, double momentum, int trackedTopics) {
    for (String topic : topics) {
      byTopic.computeIfAbsent(topic, key -> new Sums(0, 0)).add(standing, momentum);
    }
    while (byTopic.size() > trackedTopics) {
      Map.Entry<String, Double> weakest = weakest(byTopic.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().standing)).toList());
      byTopic.remove(weakest.getKey());
    }
  }

  /**
   * A bounded "space-saving" top list (Metwally, Agrawal, El Abbadi, ICDT 2005): a newcomer replaces
   * the weakest entry and inherits its value, so heavy contributors are never lost, at the price of
   * overestimating light ones.
   */
  private void rememberContributor(String actorId, double forwardInfluence, int capacity) {
    Double known = forwardByContributor.get(actorId);
    if (known != null || forwardByContributor.size() < capacity) {
      forwardByContributor.merge(actorId, forwardInfluence, Double::sum);
      return;
    }
    Map.Entry<String, Double> weakest = weakest(forwardByContributor.entrySet());
    forwardByContributor.remove(weakest.getKey());
    forwardByContributor.put(actorId, weakest.getValue() + forwardInfluence);
  }

  private void rememberCause(Cause cause, int capacity) {
    recentCauses.addFirst(cause);
    while (recentCauses.size() > capacity) {
      recentCauses.removeLast();
    }
  }

  private void moveLandmarkIfNeeded(long atMillis, InfluenceParameters parameters) {
    if (landmarkMillis == Long.MIN_VALUE) {
      landmarkMillis = atMillis;
      return;
    }
    if (parameters.momentum().halfLife().ratePerMilli() * (atMillis - landmarkMillis) <= MAX_FORWARD_EXPONENT) {
      return;
    }
    long shift = atMillis - landmarkMillis;
    double standingRescale = parameters.standingHalfLife().decayOver(shift);
    double momentumRescale = parameters.momentum().halfLife().decayOver(shift);
    total.rescale(standingRescale, momentumRescale);
    byTopic.values().forEach(sums -> sums.rescale(standingRescale, momentumRescale));
    standingByNetwork.replaceAll((network, value) -> value * standingRescale);
    forwardByContributor.replaceAll((actor, value) -> value * standingRescale);
    landmarkMillis = atMillis;
  }

  /**
   * The entry of least value, the first met among equals: what {@code stream().min(comparingByValue())}
   * picks, without a stream, since this runs for most engagements of a user with many contributors.
   */
  private static Map.Entry<String, Double> weakest(Iterable<Map.Entry<String, Double>> values) {
    Map.Entry<String, Double> weakest = null;
    for (Map.Entry<String, Double> entry : values) {
      if (weakest == null || entry.getValue().compareTo(weakest.getValue()) < 0) {
        weakest = entry;
      }
    }
    if (weakest == null) {
      throw new NoSuchElementException("no entry");
    }
    return weakest;
  }

  private static List<Map.Entry<String, Double>> strongest(List<Map.Entry<String, Double>> values, int limit) {
    return values.stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .toList();
  }

  /** Forward-decayed standing and momentum, relative to the user's landmark. */
  private static final class Sums {
    private double standing;
    private double momentum;

    Sums(double standing, double momentum) {
      this.standing = standing;
      this.momentum = momentum;
    }

    void add(double addedStanding, double addedMomentum) {
      standing += addedStanding;
      momentum += addedMomentum;
    }

    void rescale(double standingFactor, double momentumFactor) {
      standing *= standingFactor;
      momentum *= momentumFactor;
    }
  }

  /** How much of a forward-decayed sum is left at one moment, on each timescale. */
  private record Decay(double standing, double momentum) {
    double influenceOf(Sums sums, InfluenceParameters parameters) {
      return parameters.influence(sums.standing * standing, sums.momentum * momentum);
    }
  }

  /** Who lifted the user, and by how much raw influence, as of the moment asked. */
  public record Contributor(String actorId, double influence) {}

  /** One engagement that changed the score. */
  public record Cause(String eventId, String actorId, EngagementType type, double contribution, long atMillis) {}

  /** A topic's forward-decayed standing and momentum. */
  public record TopicSums(double standing, double momentum) {}

  /**
   * Everything a {@link UserInfluence} holds, for storing it. Sums are forward-decayed against the
   * landmark.
   *
   * @param counts engagements received (and posts made) by type, all time
   */
  public record State(
      String userId,
      long landmarkMillis,
      double standing,
      double momentum,
      Map<String, Double> standingByNetwork,
      Map<String, TopicSums> byTopic,
      Map<EngagementType, Long> counts,
      Map<String, Double> forwardByContributor,
      List<Cause> recentCauses,
      long latestEventMillis,
      PublishedScore published,
      double previousPublishedScore,
      List<String> publishedTopics) {}
}
