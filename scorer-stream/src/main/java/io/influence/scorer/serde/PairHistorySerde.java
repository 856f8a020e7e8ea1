package io.influence.scorer.serde;

import io.influence.scorer.model.PairHistory;

/**
 * An actor→target {@link PairHistory} in the pair-history store. Most pairs are engaged once, so a
 * count of exactly 1 is a flag rather than a double.
 */
public final class PairHistorySerde extends BinaryFormat<PairHistory> {
  private static final double FIRST_ENGAGEMENT = 1.0;

  public PairHistorySerde() {
    super("the pair-history store", 2);
  }

  @Override
  protected void write(PairHistory history, BinaryWriter out) {
    boolean once = sameBits(history.count(), FIRST_ENGAGEMENT);
    out.writeBoolean(once);
    if (!once) {
      out.writeDouble(history.count());
    }
    out.writeLongFrom(0, history.asOfMillis());
  }

  @Override
  protected PairHistory read(BinaryReader in) {
    double count = in.readBoolean() ? FIRST_ENGAGEMENT : in.readDouble();
    return new PairHistory(count, in.readLongFrom(0));
  }
}
