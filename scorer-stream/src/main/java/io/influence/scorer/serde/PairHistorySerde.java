package io.influence.scorer.serde;

import io.influence.scorer.model.PairHistory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An actor→target {@link PairHistory} in the pair-history store. */
public final class PairHistorySerde extends BinaryFormat<PairHistory> {

  public PairHistorySerde() {
    super(1);
  }

  @Override
  protected void write(PairHistory history, DataOutputStream out) throws IOException {
    out.writeDouble(history.count());
    out.writeLong(history.asOfMillis());
  }

  @Override
  protected PairHistory read(DataInputStream in) throws IOException {
    return new PairHistory(in.readDouble(), in.readLong());
  }
}
