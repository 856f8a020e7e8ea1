package io.influence.scorer.model;

/**
 * Klout's "unique actors beat repeat actors": how often one actor has engaged one target recently.
 * The n-th engagement of a pair counts {@code 1 / (1 + c)}, where {@code c} is the decayed number of
 * the pair's earlier engagements, so a hundred shares from one person are worth about
 * {@code ln 100 + 0.58 ≈ 5} shares from different people, and a pair that falls silent is new again
 * after a few half-lives.
 *
 * <p>Immutable.
 *
 * @param count decayed count of the pair's engagements as of {@code asOfMillis}
 */
public record PairHistory(double count, long asOfMillis) {

  public static PairHistory none() {
    return new PairHistory(0, Long.MIN_VALUE);
  }

  /** What the pair's next engagement at {@code atMillis} is worth, in (0, 1]. */
  public double repetitionFactor(long atMillis, HalfLife halfLife) {
    return 1.0 / (1.0 + countAt(atMillis, halfLife));
  }

  public PairHistory after(long atMillis, HalfLife halfLife) {
    return new PairHistory(countAt(atMillis, halfLife) + 1, Math.max(atMillis, asOfMillis));
  }

  /** A late engagement sees the count as of the latest one, never more: decay runs forward only. */
  private double countAt(long atMillis, HalfLife halfLife) {
    if (asOfMillis == Long.MIN_VALUE) {
      return 0;
    }
    return atMillis > asOfMillis ? count * halfLife.decayOver(atMillis - asOfMillis) : count;
  }
}
