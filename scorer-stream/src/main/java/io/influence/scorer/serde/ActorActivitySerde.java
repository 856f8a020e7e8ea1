package io.influence.scorer.serde;

import io.influence.scorer.model.ActorActivity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An actor's {@link ActorActivity} in the actor-activity store. */
public final class ActorActivitySerde extends BinaryFormat<ActorActivity> {

  public ActorActivitySerde() {
    super(1);
  }

  @Override
  protected void write(ActorActivity activity, DataOutputStream out) throws IOException {
    out.writeLong(activity.dayIndex());
    out.writeLong(activity.actions());
  }

  @Override
  protected ActorActivity read(DataInputStream in) throws IOException {
    return new ActorActivity(in.readLong(), in.readLong());
  }
}
