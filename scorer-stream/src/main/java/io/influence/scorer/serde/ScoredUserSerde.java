package io.influence.scorer.serde;

import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.ScoredUser;
import io.influence.scorer.model.UserInfluence;

/**
 * A {@link ScoredUser} in the user-influence store and its changelog: the influence as
 * {@link UserInfluenceStateSerde} writes it, the current day as {@link DailyActivitySerde} does, then the
 * decay review's due time from the user's latest event.
 */
public final class ScoredUserSerde extends BinaryFormat<ScoredUser> {
  private final UserInfluenceStateSerde influence = new UserInfluenceStateSerde();
  private final DailyActivitySerde days = new DailyActivitySerde();

  public ScoredUserSerde() {
    super("the user-influence store", 5);
  }

  @Override
  protected void write(ScoredUser user, BinaryWriter out) {
    influence.write(user.influence(), out);
    out.writeBoolean(user.currentDay() != null);
    if (user.currentDay() != null) {
      days.write(user.currentDay(), out);
    }
    boolean reviewed = user.decayReviewMillis() != ScoredUser.NO_REVIEW;
    out.writeBoolean(reviewed);
    if (reviewed) {
      out.writeLongFrom(user.influence().latestEventMillis(), user.decayReviewMillis());
    }
  }

  @Override
  protected ScoredUser read(BinaryReader in) {
    UserInfluence.State state = influence.read(in);
    DailyActivity currentDay = in.readBoolean() ? days.read(in) : null;
    long review = in.readBoolean() ? in.readLongFrom(state.latestEventMillis()) : ScoredUser.NO_REVIEW;
    return new ScoredUser(state, currentDay, review);
  }
}
