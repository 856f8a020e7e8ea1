package io.influence.scorer.metrics;

import io.influence.registry.RegistryClientListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The schema registry client's meters: every HTTP attempt timed by operation and outcome, the failed
 * ones counted again as errors by reason, and cache lookups by hit or miss. A deserializer looks up the
 * writer's schema for every record, so cache hits grow with traffic while requests should stay near zero.
 */
public final class RegistryClientMeters implements RegistryClientListener {
  public static final String REQUESTS = "influence.schema.registry.requests";
  public static final String ERRORS = "influence.schema.registry.errors";
  public static final String CACHE = "influence.schema.registry.cache";

  private final MeterRegistry registry;
  private final Map<String, Timer> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public RegistryClientMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void requested(String operation, RequestOutcome outcome, long nanos) {
    String outcomeTag = outcome == RequestOutcome.SUCCESS ? "success" : "error";
    requests.computeIfAbsent(operation + ' ' + outcomeTag, key -> Timer.builder(REQUESTS)
            .description("HTTP attempts of the schema registry client; a retried call makes several")
            .tags("operation", operation, "outcome", outcomeTag)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (outcome != RequestOutcome.SUCCESS) {
      error(operation, outcome).increment();
    }
  }

  @Override
  public void cacheLookup(String operation, boolean hit) {
    String outcome = hit ? "hit" : "miss";
    counters.computeIfAbsent(CACHE + operation + outcome, key -> Counter.builder(CACHE)
            .description("Answers the schema registry client looked for in its cache")
            .tags("operation", operation, "outcome", outcome)
            .register(registry))
        .increment();
  }

  private Counter error(String operation, RequestOutcome reason) {
    return counters.computeIfAbsent(ERRORS + operation + reason, key -> Counter.builder(ERRORS)
        .description("Failed attempts of the schema registry client, by reason")
        .tags("operation", operation, "reason", reason.tag())
        .register(registry));
  }
}
