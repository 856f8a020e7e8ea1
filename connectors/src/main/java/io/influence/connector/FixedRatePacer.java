package io.influence.connector;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces events evenly at a fixed rate: the n-th event (from 0) is due n / rate seconds after the
 * first. Measuring against that schedule, not against the previous event, keeps the average rate
 * exact although sleeps overrun: an event that is already due goes without sleeping.
 */
public final class FixedRatePacer {

  /** Sleeps; a seam so tests can pace against a fake clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final double nanosPerEvent;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long firstEventNanos;
  private long paced;

  public FixedRatePacer(double eventsPerSecond) {
    this(eventsPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  FixedRatePacer(double eventsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("eventsPerSecond is " + eventsPerSecond + "; it must be a positive number");
    }
    this.nanosPerEvent = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** Returns when the next event is due; the first is due at once. */
  public void awaitNext() throws InterruptedException {
    long now = nanoTime.getAsLong();
    if (paced == 0) {
      firstEventNanos = now;
    }
    long due = firstEventNanos + (long) (paced * nanosPerEvent);
    if (due > now) {
      sleeper.sleepNanos(due - now);
    }
    paced++;
  }
}
