package io.influence.scorer.serde;

import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An {@link Engagement} on the repartition topic that brings it to its target's partition. */
public final class EngagementSerde extends BinaryFormat<Engagement> {

  public EngagementSerde() {
    super(1);
  }

  @Override
  protected void write(Engagement engagement, DataOutputStream out) throws IOException {
    out.writeUTF(engagement.eventId());
    out.writeUTF(engagement.network());
    out.writeUTF(engagement.type().name());
    out.writeUTF(engagement.actorId());
    out.writeUTF(engagement.targetId());
    writeStrings(engagement.topics(), out);
    out.writeLong(engagement.occurredAtMillis());
    out.writeDouble(engagement.actorScore());
    out.writeDouble(engagement.actorSelectivity());
  }

  @Override
  protected Engagement read(DataInputStream in) throws IOException {
    return new Engagement(in.readUTF(), in.readUTF(), EngagementType.valueOf(in.readUTF()), in.readUTF(), in.readUTF(),
        readStrings(in), in.readLong(), in.readDouble(), in.readDouble());
  }
}
