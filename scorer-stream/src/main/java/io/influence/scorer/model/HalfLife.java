package io.influence.scorer.model;

import java.time.Duration;

/**
 * Exponential decay rate given by its half-life: a contribution made at {@code t} is worth
 * {@code 2^-(now - t)/halfLife} of itself at {@code now}.
 */
public record HalfLife(Duration duration) {

  public HalfLife {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("half-life must be positive, got " + duration);
    }
  }

  /** λ in {@code e^(-λ·Δt)}, per millisecond. */
  public double ratePerMilli() {
    return Math.log(2) / duration.toMillis();
  }

  /** The factor by which a value shrinks (or, for a negative interval, grows) over {@code millis}. */
  public double decayOver(long millis) {
    return Math.exp(-ratePerMilli() * millis);
  }
}
