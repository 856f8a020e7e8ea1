package io.influence.connector.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015):
 * the n-th consecutive failure waits a uniformly random time between 0 and min(max, initial x 2^n), so
 * many connectors that lost one server do not return to it in step.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private int failures;

  public Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got initial " + initial + ", max " + max);
    }
    this.initial = initial;
    this.max = max;
  }

  /** The wait before the next attempt, counting one more failure. */
  public Duration nextDelay() {
    long ceiling = max.toMillis();
    int doublings = Math.min(failures, 30);
    if (initial.toMillis() <= ceiling >> doublings) {
      ceiling = initial.toMillis() << doublings;
    }
    failures++;
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** After a connection that worked: the next failure waits little again. */
  public void reset() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }
}
