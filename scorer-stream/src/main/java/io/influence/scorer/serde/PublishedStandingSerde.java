package io.influence.scorer.serde;

import io.influence.scorer.model.PublishedStanding;

/** A user's {@link PublishedStanding} in the published-scores global store. */
public final class PublishedStandingSerde extends BinaryFormat<PublishedStanding> {

  public PublishedStandingSerde() {
    super("the published-scores store", 1);
  }

  @Override
  protected void write(PublishedStanding standing, BinaryWriter out) {
    writePublished(standing.published(), 0, out);
    writeDoubles(standing.topicScores(), out);
  }

  @Override
  protected PublishedStanding read(BinaryReader in) {
    return new PublishedStanding(readPublished(0, in), readDoubles(in));
  }
}
