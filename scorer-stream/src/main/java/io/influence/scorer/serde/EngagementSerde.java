package io.influence.scorer.serde;

import io.influence.scorer.model.Engagement;

/** An {@link Engagement} on the repartition topics that bring it to its actor's, then its target's, partition. */
public final class EngagementSerde extends BinaryFormat<Engagement> {

  public EngagementSerde() {
    super("the engagements repartition topic", 2);
  }

  @Override
  protected void write(Engagement engagement, BinaryWriter out) {
    out.writeString(engagement.eventId());
    out.writeString(engagement.network());
    writeType(engagement.type(), out);
    out.writeString(engagement.actorId());
    out.writeString(engagement.targetId());
    writeStrings(engagement.topics(), out);
    out.writeLongFrom(0, engagement.occurredAtMillis());
    out.writeDouble(engagement.actorScore());
    out.writeDouble(engagement.actorSelectivity());
  }

  @Override
  protected Engagement read(BinaryReader in) {
    return new Engagement(in.readString(), in.readString(), readType(in), in.readString(), in.readString(),
        readStrings(in), in.readLongFrom(0), in.readDouble(), in.readDouble());
  }
}
