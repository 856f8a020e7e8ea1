package io.influence.scorer.serde;

import io.influence.scorer.model.ActorActivity;

/** An actor's {@link ActorActivity} in the actor-activity store. */
public final class ActorActivitySerde extends BinaryFormat<ActorActivity> {

  public ActorActivitySerde() {
    super("the actor-activity store", 2);
  }

  @Override
  protected void write(ActorActivity activity, BinaryWriter out) {
    out.writeLongFrom(0, activity.dayIndex());
    out.writeLongFrom(0, activity.actions());
  }

  @Override
  protected ActorActivity read(BinaryReader in) {
    return new ActorActivity(in.readLongFrom(0), in.readLongFrom(0));
  }
}
