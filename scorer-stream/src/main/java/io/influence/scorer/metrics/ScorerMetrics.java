package io.influence.scorer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters, all named {@code influence_*} and tagged the same way everywhere
 * ({@code network}, {@code type}, {@code outcome}, {@code reason}, {@code cause}).
 *
 * <p>Counters are cached per tag set, since the hot path records one per event and Micrometer's
 * builder lookup is comparatively slow.
 */
public final class ScorerMetrics {
  public static final String EVENTS_CONSUMED = "influence.events.consumed";
  public static final String EVENT_OUTCOMES = "influence.events.outcome";
  public static final String SCORE_UPDATES = "influence.score.updates";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ScorerMetrics(MeterRegistry registry) {
    this.registry = registry;
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
    counter(EVENT_OUTCOMES, "What became of each interaction event", "outcome", outcome.tag(), "reason", reason).increment();
  }

  /** A score published to the output topic. */
  public void scoreUpdated(String cause) {
    counter(SCORE_UPDATES, "Score updates published, by cause", "cause", lower(cause)).increment();
  }

  public double eventsConsumed() {
    return sum(EVENTS_CONSUMED, null);
  }

  public double outcomes(EventOutcome outcome) {
    return sum(EVENT_OUTCOMES, outcome.tag());
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

  private static String lower(String value) {
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
