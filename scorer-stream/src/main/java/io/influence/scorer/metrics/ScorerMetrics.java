package io.influence.scorer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The service's own meters, all named {@code influence_*} and tagged the same way everywhere
 * ({@code network}, {@code type}, {@code outcome}, {@code reason}, {@code cause}). docs/OPERATIONS.md
 * describes each one and what to do when it looks wrong.
 *
 * <p>Meters are cached per tag set, since the hot path records several per event and Micrometer's
 * builder lookup is comparatively slow. Meters that may stay at zero for a long time (duplicates, decay
 * reviews) are registered at start, so that dashboards show 0 rather than nothing.
 */
public final class ScorerMetrics {
  public static final String EVENTS_CONSUMED = "influence.events.consumed";
  public static final String EVENT_OUTCOMES = "influence.events.outcome";
  public static final String SCORE_UPDATES = "influence.score.updates";
  public static final String EVENT_SCORE_LATENCY = "influence.event.score.latency";
  public static final String DECAY_REVIEWS = "influence.decay.reviews";
  public static final String DECAY_REVIEW_DURATION = "influence.decay.review.duration";
  public static final String USERS_TRACKED = "influence.users.tracked";
  public static final String USERS_HELD = "influence.users.held";
  public static final String HTTP_REQUESTS = "influence.http.requests";
  public static final String STATE_ENTRIES_SWEPT = "influence.state.entries.swept";
  public static final String RECORDS_SET_ASIDE = "influence.records.set.aside";
  public static final String STATE_RECORDS_RESTORED = "influence.state.records.restored";

  /** The reason tag of a duplicate: its event id was seen before (a connector's redelivery). */
  public static final String DUPLICATE_EVENT_ID = "event-id-seen";

  /** The reason tag of an event ignored because its actor or its target asked to be forgotten. */
  public static final String ERASED_USER = "erased-user";

  /**
   * Buckets of the event→score latency. The SLO (p99 under 5 s) is a bucket bound so that the alert
   * and the dashboard threshold are exact; the upper buckets tell a slow connector from a replay.
   */
  static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};

  /** Buckets of HTTP request durations: a score lookup is a local store read or one forwarded hop. */
  static final Duration[] HTTP_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter decayReviews;
  private final Timer decayReviewDuration;
  private volatile Supplier<OptionalLong> userCount = OptionalLong::empty;

  /** Meters on {@code registry}, with latencies measured against the system clock. */
  public ScorerMetrics(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  /** @param clock the wall clock that event→score latencies are measured against */
  public ScorerMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    decayReviews = Counter.builder(DECAY_REVIEWS).description("Users whose score a decay review looked at")
        .baseUnit("users").register(registry);
    decayReviewDuration = Timer.builder(DECAY_REVIEW_DURATION).description("How long each decay review took")
        .register(registry);
    outcomeCounter(EventOutcome.DUPLICATE, DUPLICATE_EVENT_ID);
    Gauge.builder(USERS_TRACKED, lastKnown(() -> userCount.get()))
        .description("Users whose influence this instance's active stores hold (RocksDB's estimate)")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** An interaction read from a connector topic, before anything is decided about it. */
  public void eventConsumed(String network, String type) {
    counter(EVENTS_CONSUMED, "Interaction events read from connector topics", "network", lower(network), "type", lower(type)).increment();
  }

  /** What became of an event; every consumed event ends in exactly one outcome. */
  public void eventOutcome(EventOutcome outcome, String reason) {
    outcomeCounter(outcome, reason).increment();
  }

  /** An event dropped because its id was seen before. */
  public void eventDuplicate() {
    eventOutcome(EventOutcome.DUPLICATE, DUPLICATE_EVENT_ID);
  }

  /** A score published to the output topic, with {@code cause} {@code event}, {@code decay} or {@code erasure} (a tombstone). */
  public void scoreUpdated(String cause) {
    counter(SCORE_UPDATES, "Score updates published, by cause", "cause", lower(cause)).increment();
  }

  /**
   * A score published because an event changed it, and how long after that score's event time it left:
   * wall-clock now minus {@code scoreTimeMillis}. Meaningful for live traffic; a replay of old events
   * lands in the top bucket. A score timed in the future (clock skew) counts as 0.
   */
  public void scoreUpdatedByEvent(String network, long scoreTimeMillis) {
    scoreUpdated("event");
    long latency = Math.max(0, clock.millis() - scoreTimeMillis);
    timers.computeIfAbsent(lower(network), key -> Timer.builder(EVENT_SCORE_LATENCY)
            .description("From an event's time to the publication of the score it changed")
            .tag("network", key)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .minimumExpectedValue(LATENCY_BUCKETS[0])
            .maximumExpectedValue(LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1])
            .register(registry))
        .record(latency, TimeUnit.MILLISECONDS);
  }

  /** One decay review (a punctuation) that looked at {@code users} users in {@code took}. */
  public void decayReviewed(long users, Duration took) {
    decayReviews.increment(users);
    decayReviewDuration.record(took);
  }

  /**
   * {@code entries} deleted from state store {@code store} by a sweep, because no event can still need
   * them; the stores register theirs at 0 when their task starts.
   */
  public void stateSwept(String store, long entries) {
    counter(STATE_ENTRIES_SWEPT, "Entries deleted from state stores because no event can still need them", "store", store)
        .increment(entries);
  }

  /**
   * A record of {@code topic} that is not an interaction event (an account link, an erasure request)
   * set aside because it cannot be read, by {@code reason}.
   */
  public void recordSetAside(String topic, String reason) {
    setAsideCounter(topic, reason).increment();
  }

  /** Shows {@code topic}'s records set aside for {@code reason} at 0 until the first, for the alert that watches them. */
  public void watchRecordsSetAside(String topic, String reason) {
    setAsideCounter(topic, reason);
  }

  private Counter setAsideCounter(String topic, String reason) {
    return counter(RECORDS_SET_ASIDE, "Account links and erasure requests set aside because they cannot be read", "topic", topic, "reason", reason);
  }

  public double recordsSetAside(String topic) {
    return registry.find(RECORDS_SET_ASIDE).tag("topic", topic).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Counts {@code records} restored into {@code store} from its changelog or source topic ({@link StateRestoration}). */
  public void recordsRestored(String store, long records) {
    counter(STATE_RECORDS_RESTORED, "Records restored into state stores from their changelogs or source topics", "store", store)
        .increment(records);
  }

  /** Records restored so far into every store of this instance. */
  public double recordsRestored() {
    return registry.find(STATE_RECORDS_RESTORED).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Records restored so far into {@code store}, all its partitions on this instance. */
  public double recordsRestored(String store) {
    return registry.find(STATE_RECORDS_RESTORED).tag("store", store).counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * Where the users-tracked gauge reads its value at every scrape; while {@code count} has no answer
   * (stores migrating during a rebalance), the gauge keeps the last one.
   */
  public void trackUsers(Supplier<OptionalLong> count) {
    userCount = count;
  }

  /**
   * Reports how many users {@code structure} (a store, or an in-heap structure such as the leaderboards)
   * holds on this instance, as {@code influence_users_held{structure=...}}: what an instance's memory and
   * disk grow with. An empty count (a store being restored) keeps the last value.
   */
  public void reportUsersHeld(String structure, Supplier<OptionalLong> count) {
    Gauge.builder(USERS_HELD, lastKnown(count)).description("Users a store or in-heap structure holds on this instance, standby copies included (RocksDB's estimate for stores)")
        .tag("structure", structure).register(registry);
  }

  /** A gauge's value: {@code count}'s latest answer, kept while it has none. */
  private static Supplier<Number> lastKnown(Supplier<OptionalLong> count) {
    AtomicLong last = new AtomicLong();
    return () -> {
      count.get().ifPresent(last::set);
      return last.get();
    };
  }

  /**
   * One HTTP request answered.
   *
   * @param route the route's template ({@code /v1/users/{userId}}), never the raw path
   * @param forwarded whether another instance answered it for this one
   */
  public void httpRequest(String method, String route, int status, boolean forwarded, long nanos) {
    String target = forwarded ? "forwarded" : "local";
    String key = method + ' ' + route + ' ' + status + ' ' + target;
    timers.computeIfAbsent(key, ignored -> Timer.builder(HTTP_REQUESTS)
            .description("HTTP requests answered, by route and status; forwarded ones were answered by another instance")
            .tags("method", method, "route", route, "status", String.valueOf(status), "target", target)
            .serviceLevelObjectives(HTTP_BUCKETS)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public double eventsConsumed() {
    return sum(EVENTS_CONSUMED, null);
  }

  public double outcomes(EventOutcome outcome) {
    return sum(EVENT_OUTCOMES, outcome.tag());
  }

  /** Events that have ended in any outcome: once it reaches the events published, all of them are scored or set aside. */
  public double allOutcomes() {
    return sum(EVENT_OUTCOMES, null);
  }

  private Counter outcomeCounter(EventOutcome outcome, String reason) {
    return counter(EVENT_OUTCOMES, "What became of each interaction event", "outcome", outcome.tag(), "reason", reason);
  }

  private double sum(String name, String outcome) {
    return registry.find(name).counters().stream()
        .filter(counter -> outcome == null || outcome.equals(counter.getId().getTag("outcome")))
        .mapToDouble(Counter::count)
        .sum();
  }

  private Counter counter(String name, String description, String... tags) {
    String cacheKey = name + String.join("\u0000", tags);
    return counters.computeIfAbsent(cacheKey, key -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  static String lower(String value) {
    return value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
  }

  /** The four ends of an event: the conservation law is consumed = scored + duplicate + ignored + dlq. */
  public enum EventOutcome {
    SCORED, DUPLICATE, IGNORED, DLQ;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
