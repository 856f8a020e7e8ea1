package io.influence.scorer.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * One user's influence: the engagement they received, decayed, overall, per network and per topic,
 * with the days it came on, who lifted them most, and what was last published.
 *
 * <p><b>Decay.</b> Forward decay (Cormode, Shkapenyuk, Srivastava, Xu: "Forward Decay: A Practical
 * Time Decay Model for Streaming Systems", ICDE 2009): an engagement of influence {@code w} at time
 * {@code t} is stored as {@code w·e^(λ(t−L))} against a landmark {@code L}, and is worth that times
 * {@code e^(−λ(T−L))} at time {@code T}. An update is O(1) and exact in whatever order events
 * arrive. When exponents grow large the landmark moves forward and every sum is rescaled.
 *
 * <p><b>Level, pace and recovery.</b> Two sums are kept: the long-run <i>level</i> (half-life 50 days)
 * and the recent <i>pace</i> (half-life 3.5 days, converted to the level's units, so both agree for a
 * steady stream). The influence scored is {@code max(level, min(pace, established))}, where
 * {@code established} is the highest end-of-day level within the window. Idle, the level decays
 * slowly (two weeks cost a mid-range score about 2 points); active again at the usual pace, the pace
 * restores the established level within two weeks; but the pace alone never lifts a user above what
 * the level has established, so a burst from fresh accounts earns no more than its level.
 *
 * <p><b>Window.</b> Each day's contributions are kept apart, and a day leaves every sum once it is
 * {@code window} old: what happened more than 90 days ago no longer counts at all.
 *
 * <p>Mutable and not thread-safe: one instance belongs to one stream task at a time.
 */
public final class UserInfluence {
  /** {@code e^40 ≈ 2·10^17}: far from overflow, and reached only after months of the pace's half-life. */
  private static final double MAX_FORWARD_EXPONENT = 40;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final String userId;
  private long landmarkMillis;
  private final Sums total;
  private final TreeMap<Long, Day> days;
  /** The last of {@link #days}, where nearly every engagement lands: reached without a TreeMap lookup. */
  private Day newestDay;
  private final Map<String, Double> forwardByContributor;
  private final Deque<Cause> recentCauses;
  private long latestEventMillis;
  private PublishedScore published;
  private double previousPublishedScore;
  private List<String> publishedTopics;

  private UserInfluence(State state) {
    this.userId = state.userId();
    this.landmarkMillis = state.landmarkMillis();
    this.days = new TreeMap<>();
    this.total = new Sums();
    state.days().forEach(day -> {
      Day copy = new Day(day.dayIndex(), new Sums(day.level(), day.pace(), day.byNetwork(), day.byTopic()), countsArray(day.counts()));
      copy.cumulativeLevel = day.cumulativeLevel();
      days.put(day.dayIndex(), copy);
      total.add(copy.sums);
    });
    this.newestDay = days.isEmpty() ? null : days.lastEntry().getValue();
    this.forwardByContributor = new HashMap<>(state.forwardByContributor());
    this.recentCauses = new ArrayDeque<>(state.recentCauses());
    this.latestEventMillis = state.latestEventMillis();
    this.published = state.published();
    this.previousPublishedScore = state.previousPublishedScore();
    this.publishedTopics = List.copyOf(state.publishedTopics());
  }

  /** A user who has received nothing yet. */
  public static UserInfluence newUser(String userId) {
    return new UserInfluence(new State(userId, Long.MIN_VALUE, List.of(), Map.of(), List.of(), Long.MIN_VALUE,
        null, Double.NaN, List.of()));
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
   * @return what it was worth; {@link Contribution.Outcome#IGNORED} for a self-interaction, and for an
   *     engagement older than the window as of the latest one, which can no longer count
   */
  public Contribution receive(Engagement engagement, double repetitionFactor, InfluenceParameters parameters) {
    long at = engagement.occurredAtMillis();
    if (engagement.isSelfInteraction()) {
      return Contribution.selfInteraction();
    }
    if (isBeforeWindow(at, parameters)) {
      return Contribution.outsideWindow();
    }
    moveLandmarkIfNeeded(at, parameters);
    double levelForward = Math.exp(parameters.halfLife().ratePerMilli() * (at - landmarkMillis));
    double paceForward = Math.exp(parameters.paceHalfLife().ratePerMilli() * (at - landmarkMillis));
    Day day = dayOf(Math.floorDiv(at, MILLIS_PER_DAY), parameters);
    day.counts[engagement.type().ordinal()]++;
    latestEventMillis = Math.max(latestEventMillis, at);

    if (engagement.type() == EngagementType.POST) {
      Sums posted = Sums.topicsOnly(engagement.topics(), parameters.postTopicWeight() * levelForward);
      day.sums.add(posted);
      total.add(posted);
      forgetWeakTopics(parameters.trackedTopics());
      return Contribution.activity();
    }
    double influence = parameters.influenceOf(engagement, repetitionFactor);
    double level = influence * levelForward;
    double pace = influence * paceForward;
    day.sums.addEngagement(level, pace, engagement.network(), engagement.topics());
    total.addEngagement(level, pace, engagement.network(), engagement.topics());
    if (day == newestDay) {
      day.cumulativeLevel += level;
    } else {
      days.tailMap(day.dayIndex, true).values().forEach(later -> later.cumulativeLevel += level);
    }
    forgetWeakTopics(parameters.trackedTopics());
    rememberContributor(engagement.actorId(), influence * levelForward, parameters.topContributors());
    rememberCause(new Cause(engagement.eventId(), engagement.actorId(), engagement.type(), influence, at), parameters.recentCauses());
    return Contribution.scored(influence);
  }

  /**
   * The user's influence and score as of {@code atMillis}, with decay applied up to then. Days that
   * have left the window by then are forgotten for good.
   */
  public InfluenceSnapshot snapshotAt(long atMillis, InfluenceParameters parameters) {
    forgetDaysBefore(firstDayOfWindow(atMillis, parameters));
    if (landmarkMillis == Long.MIN_VALUE) {
      return new InfluenceSnapshot(userId, parameters.scale().score(0), 0, List.of(), List.of(), Map.of(), atMillis);
    }
    double levelDecay = Math.exp(-parameters.halfLife().ratePerMilli() * (atMillis - landmarkMillis));
    double paceDecay = Math.exp(-parameters.paceHalfLife().ratePerMilli() * (atMillis - landmarkMillis));
    double level = total.level * levelDecay;
    double pace = total.pace * paceDecay * parameters.paceToLevel();
    double influence = Math.max(level, Math.min(pace, establishedLevel(atMillis, parameters)));
    InfluenceScale scale = parameters.scale();

    List<InfluenceSnapshot.TopicInfluence> topics = strongest(total.byTopic, parameters.topTopics()).stream()
        .map(e -> new InfluenceSnapshot.TopicInfluence(e.getKey(), scale.score(e.getValue() * levelDecay), e.getValue() * levelDecay))
        .toList();
    List<InfluenceSnapshot.NetworkInfluence> networks = strongest(total.byNetwork, Integer.MAX_VALUE).stream()
        .map(e -> new InfluenceSnapshot.NetworkInfluence(e.getKey(), e.getValue() * levelDecay))
        .toList();
    return new InfluenceSnapshot(userId, scale.score(influence), influence, topics, networks, engagementCounts(), atMillis);
  }

  /** Who lifted this user most within the window, with the influence each gave, as of {@code atMillis}. */
  public List<Contributor> topContributors(long atMillis, InfluenceParameters parameters) {
    if (landmarkMillis == Long.MIN_VALUE) {
      return List.of();
    }
    double levelDecay = Math.exp(-parameters.halfLife().ratePerMilli() * (atMillis - landmarkMillis));
    return strongest(forwardByContributor, parameters.topContributors()).stream()
        .map(e -> new Contributor(e.getKey(), e.getValue() * levelDecay))
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

  /** Days within the window that hold engagement, oldest first. */
  public List<DayState> days() {
    return days.values().stream().map(Day::state).toList();
  }

  public State state() {
    return new State(userId, landmarkMillis, days(), Map.copyOf(forwardByContributor), List.copyOf(recentCauses),
        latestEventMillis, published, previousPublishedScore, publishedTopics);
  }

  /**
   * The highest level the user reached at the end of any day still in the window (the current day
   * ends now): the level that a return to the usual pace can restore.
   */
  private double establishedLevel(long atMillis, InfluenceParameters parameters) {
    double rate = parameters.halfLife().ratePerMilli();
    double highest = 0;
    for (Day day : days.values()) {
      long endOfDay = Math.min(atMillis, (day.dayIndex + 1) * MILLIS_PER_DAY);
      highest = Math.max(highest, day.cumulativeLevel * Math.exp(-rate * (endOfDay - landmarkMillis)));
    }
    return highest;
  }

  /**
   * The bucket of {@code dayIndex}, created if needed with the level the window held at that day's
   * end: everything received in the 90 days up to it.
   */
  private Day dayOf(long dayIndex, InfluenceParameters parameters) {
    if (newestDay != null && newestDay.dayIndex == dayIndex) {
      return newestDay;
    }
    Day day = days.get(dayIndex);
    if (day == null) {
      day = Day.empty(dayIndex);
      for (Day earlier : days.subMap(dayIndex - parameters.windowDays() + 1, true, dayIndex, false).values()) {
        day.cumulativeLevel += earlier.sums.level;
      }
      days.put(dayIndex, day);
      if (newestDay == null || dayIndex > newestDay.dayIndex) {
        newestDay = day;
      }
    }
    return day;
  }

  private boolean isBeforeWindow(long atMillis, InfluenceParameters parameters) {
    return latestEventMillis != Long.MIN_VALUE
        && Math.floorDiv(atMillis, MILLIS_PER_DAY) < firstDayOfWindow(latestEventMillis, parameters);
  }

  private static long firstDayOfWindow(long atMillis, InfluenceParameters parameters) {
    return Math.floorDiv(atMillis, MILLIS_PER_DAY) - parameters.windowDays() + 1;
  }

  private void forgetDaysBefore(long firstDay) {
    while (!days.isEmpty() && days.firstKey() < firstDay) {
      Day expired = days.pollFirstEntry().getValue();
      total.subtract(expired.sums);
    }
    if (days.isEmpty()) {
      // Nothing is left to count; dropping the residue also clears rounding error.
      newestDay = null;
      total.clear();
      forwardByContributor.clear();
    }
  }

  private Map<EngagementType, Long> engagementCounts() {
    Map<EngagementType, Long> counts = new EnumMap<>(EngagementType.class);
    for (Day day : days.values()) {
      for (EngagementType type : EngagementType.values()) {
        if (day.counts[type.ordinal()] > 0) {
          counts.merge(type, day.counts[type.ordinal()], Long::sum);
        }
      }
    }
    return counts;
  }

  private void forgetWeakTopics(int trackedTopics) {
    while (total.byTopic.size() > trackedTopics) {
      String weakest = weakest(total.byTopic).getKey();
      total.byTopic.remove(weakest);
      days.values().forEach(day -> day.sums.byTopic.remove(weakest));
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
    Map.Entry<String, Double> weakest = weakest(forwardByContributor);
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
    if (parameters.paceHalfLife().ratePerMilli() * (atMillis - landmarkMillis) <= MAX_FORWARD_EXPONENT) {
      return;
    }
    long shift = atMillis - landmarkMillis;
    double levelRescale = parameters.halfLife().decayOver(shift);
    double paceRescale = parameters.paceHalfLife().decayOver(shift);
    total.rescale(levelRescale, paceRescale);
    days.values().forEach(day -> {
      day.sums.rescale(levelRescale, paceRescale);
      day.cumulativeLevel *= levelRescale;
    });
    forwardByContributor.replaceAll((actor, value) -> value * levelRescale);
    landmarkMillis = atMillis;
  }

  /**
   * The entry of least value, the first met among equals: what {@code stream().min(comparingByValue())}
   * picks, without a stream, since this runs for most engagements of a user with many contributors.
   */
  private static Map.Entry<String, Double> weakest(Map<String, Double> values) {
    Map.Entry<String, Double> weakest = null;
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      if (weakest == null || entry.getValue().compareTo(weakest.getValue()) < 0) {
        weakest = entry;
      }
    }
    if (weakest == null) {
      throw new NoSuchElementException("no entry");
    }
    return weakest;
  }

  private static List<Map.Entry<String, Double>> strongest(Map<String, Double> values, int limit) {
    return values.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .toList();
  }

  private static long[] countsArray(Map<EngagementType, Long> counts) {
    long[] array = new long[EngagementType.values().length];
    counts.forEach((type, count) -> array[type.ordinal()] = count);
    return array;
  }

  /** Forward-decayed sums, relative to the user's landmark. */
  private static final class Sums {
    private double level;
    private double pace;
    private final Map<String, Double> byNetwork;
    private final Map<String, Double> byTopic;

    Sums() {
      this(0, 0, Map.of(), Map.of());
    }

    Sums(double level, double pace, Map<String, Double> byNetwork, Map<String, Double> byTopic) {
      this.level = level;
      this.pace = pace;
      this.byNetwork = new HashMap<>(byNetwork);
      this.byTopic = new HashMap<>(byTopic);
    }

    /**
     * Adds one engagement's forward-decayed influence, as adding a separate {@code Sums} of it would,
     * without building one: this runs twice per engagement. A topic named twice in one engagement
     * (normalised events name none twice) is summed first, so the result is the same to the last bit.
     */
    void addEngagement(double addedLevel, double addedPace, String network, List<String> topics) {
      level += addedLevel;
      pace += addedPace;
      byNetwork.merge(network, addedLevel, Double::sum);
      for (int i = 0; i < topics.size(); i++) {
        String topic = topics.get(i);
        if (topics.indexOf(topic) < i) {
          continue;
        }
        double topicLevel = addedLevel;
        for (int j = i + 1; j < topics.size(); j++) {
          if (topic.equals(topics.get(j))) {
            topicLevel += addedLevel;
          }
        }
        byTopic.merge(topic, topicLevel, Double::sum);
      }
    }

    static Sums topicsOnly(List<String> topics, double topicLevel) {
      Sums sums = new Sums();
      topics.forEach(topic -> sums.byTopic.merge(topic, topicLevel, Double::sum));
      return sums;
    }

    void add(Sums other) {
      level += other.level;
      pace += other.pace;
      other.byNetwork.forEach((k, v) -> byNetwork.merge(k, v, Double::sum));
      other.byTopic.forEach((k, v) -> byTopic.merge(k, v, Double::sum));
    }

    void subtract(Sums other) {
      level = Math.max(0, level - other.level);
      pace = Math.max(0, pace - other.pace);
      other.byNetwork.forEach((k, v) -> byNetwork.computeIfPresent(k, (key, value) -> value - v > 0 ? value - v : null));
      other.byTopic.forEach((k, v) -> byTopic.computeIfPresent(k, (key, value) -> value - v > 0 ? value - v : null));
    }

    void rescale(double levelFactor, double paceFactor) {
      level *= levelFactor;
      pace *= paceFactor;
      byNetwork.replaceAll((k, v) -> v * levelFactor);
      byTopic.replaceAll((k, v) -> v * levelFactor);
    }

    void clear() {
      level = 0;
      pace = 0;
      byNetwork.clear();
      byTopic.clear();
    }
  }

  /**
   * One day of engagement: its sums and counts by type, and the cumulative level at the day's end
   * (everything received in the window up to then), all forward-decayed.
   */
  private static final class Day {
    private final long dayIndex;
    private final Sums sums;
    private final long[] counts;
    private double cumulativeLevel;

    Day(long dayIndex, Sums sums, long[] counts) {
      this.dayIndex = dayIndex;
      this.sums = sums;
      this.counts = counts;
    }

    static Day empty(long dayIndex) {
      return new Day(dayIndex, new Sums(), new long[EngagementType.values().length]);
    }

    DayState state() {
      Map<EngagementType, Long> countMap = new EnumMap<>(EngagementType.class);
      for (EngagementType type : EngagementType.values()) {
        if (counts[type.ordinal()] > 0) {
          countMap.put(type, counts[type.ordinal()]);
        }
      }
      return new DayState(dayIndex, sums.level, sums.pace, cumulativeLevel, Map.copyOf(sums.byNetwork), Map.copyOf(sums.byTopic), countMap);
    }
  }

  /** Who lifted the user, and by how much raw influence, as of the moment asked. */
  public record Contributor(String actorId, double influence) {}

  /** One engagement that changed the score. */
  public record Cause(String eventId, String actorId, EngagementType type, double contribution, long atMillis) {}

  /**
   * One day of a {@link State}. Sums are forward-decayed against the state's landmark.
   *
   * @param dayIndex days since the epoch, UTC
   * @param cumulativeLevel the window's level at the day's end
   */
  public record DayState(
      long dayIndex,
      double level,
      double pace,
      double cumulativeLevel,
      Map<String, Double> byNetwork,
      Map<String, Double> byTopic,
      Map<EngagementType, Long> counts) {}

  /** Everything a {@link UserInfluence} holds, for storing it. */
  public record State(
      String userId,
      long landmarkMillis,
      List<DayState> days,
      Map<String, Double> forwardByContributor,
      List<Cause> recentCauses,
      long latestEventMillis,
      PublishedScore published,
      double previousPublishedScore,
      List<String> publishedTopics) {}
}
