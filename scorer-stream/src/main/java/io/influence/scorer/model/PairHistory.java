package io.influence.scorer.model;

/**
 * Klout's "unique actors beat repeat actors": how often one actor has engaged one target recently.
 * The n-th engagement of a pair counts {@code 1 / (1 + c)}, where {@code c} is the decayed number of
 * the pair's earlier engagements (half-life {@link InfluenceParameters#pairHalfLife()}, 7 days), so a
 * hundred shares from one person in a day are worth about {@code ln 100 + 0.58 ≈ 5} shares from
 * different people, and a pair that falls silent counts as new again within weeks.
 *
 * <p>Once the decayed count is below {@value #NEGLIGIBLE_COUNT} the pair is new again (its next
 * engagement would count at least 99% anyway), so that a store may forget it: without that, every
 * pair ever seen would be kept forever.
 *
 * <p>Immutable.
 *
 * @param count decayed count of the pair's engagements as of {@code asOfMillis}
 * @param asOfMillis time of the pair's latest engagement
 */
public record PairHistory(double count, long asOfMillis) {
  /** A decayed count below this is no count at all. */
  public static final double NEGLIGIBLE_COUNT = 0.01;

  public static PairHistory none() {
    return new PairHistory(0, Long.MIN_VALUE);
  }

  /** What the pair's next engagement at {@code atMillis} is worth, in (0, 1]. */
  public double repetitionFactor(long atMillis, InfluenceParameters parameters) {
    return 1.0 / (1.0 + countAt(atMillis, parameters));
  }

  public PairHistory after(long atMillis, InfluenceParameters parameters) {
    return new PairHistory(countAt(atMillis, parameters) + 1, Math.max(atMillis, asOfMillis));
  }

  /**
   * From this time on the pair counts as new: its count has decayed below {@link #NEGLIGIBLE_COUNT}.
   * A store may forget the history then (once no late engagement can still arrive before it).
   */
  public long forgottenAtMillis(InfluenceParameters parameters) {
    if (asOfMillis == Long.MIN_VALUE || count < NEGLIGIBLE_COUNT) {
      return asOfMillis;
    }
    double halfLives = Math.log(count / NEGLIGIBLE_COUNT) / Math.log(2);
    return asOfMillis + (long) Math.ceil(halfLives * parameters.pairHalfLife().duration().toMillis());
  }

  /** A late engagement sees the count as of the latest one, never more: decay runs forward only. */
  private double countAt(long atMillis, InfluenceParameters parameters) {
    if (asOfMillis == Long.MIN_VALUE || atMillis >= forgottenAtMillis(parameters)) {
      return 0;
    }
    return atMillis > asOfMillis ? count * parameters.pairHalfLife().decayOver(atMillis - asOfMillis) : count;
  }
}
