package io.influence.scorer.serde;

import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.PublishedScore;
import io.influence.scorer.model.UserInfluence;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A user's {@link UserInfluence.State} in the state store and its changelog. */
public final class UserInfluenceStateSerde extends BinaryFormat<UserInfluence.State> {

  public UserInfluenceStateSerde() {
    super(2);
  }

  @Override
  protected void write(UserInfluence.State state, DataOutputStream out) throws IOException {
    out.writeUTF(state.userId());
    out.writeLong(state.landmarkMillis());
    out.writeInt(state.days().size());
    for (UserInfluence.DayState day : state.days()) {
      out.writeLong(day.dayIndex());
      out.writeDouble(day.level());
      out.writeDouble(day.pace());
      out.writeDouble(day.cumulativeLevel());
      writeDoubles(day.byNetwork(), out);
      writeDoubles(day.byTopic(), out);
      writeCounts(day.counts(), out);
    }
    writeDoubles(state.forwardByContributor(), out);
    out.writeInt(state.recentCauses().size());
    for (UserInfluence.Cause cause : state.recentCauses()) {
      out.writeUTF(cause.eventId());
      out.writeUTF(cause.actorId());
      out.writeUTF(cause.type().name());
      out.writeDouble(cause.contribution());
      out.writeLong(cause.atMillis());
    }
    out.writeLong(state.latestEventMillis());
    PublishedScore published = state.published();
    out.writeBoolean(published != null);
    if (published != null) {
      out.writeDouble(published.score());
      out.writeLong(published.atMillis());
      out.writeInt(published.dayEndScores().size());
      for (Map.Entry<Long, Double> day : published.dayEndScores().entrySet()) {
        out.writeLong(day.getKey());
        out.writeDouble(day.getValue());
      }
    }
    out.writeDouble(state.previousPublishedScore());
    writeStrings(state.publishedTopics(), out);
  }

  @Override
  protected UserInfluence.State read(DataInputStream in) throws IOException {
    String userId = in.readUTF();
    long landmark = in.readLong();
    int dayCount = in.readInt();
    List<UserInfluence.DayState> days = new ArrayList<>(dayCount);
    for (int i = 0; i < dayCount; i++) {
      days.add(new UserInfluence.DayState(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), readDoubles(in), readDoubles(in), readCounts(in)));
    }
    Map<String, Double> contributors = readDoubles(in);
    int causeCount = in.readInt();
    List<UserInfluence.Cause> causes = new ArrayList<>(causeCount);
    for (int i = 0; i < causeCount; i++) {
      causes.add(new UserInfluence.Cause(in.readUTF(), in.readUTF(), EngagementType.valueOf(in.readUTF()), in.readDouble(), in.readLong()));
    }
    long latestEvent = in.readLong();
    PublishedScore published = in.readBoolean() ? readPublished(in) : null;
    return new UserInfluence.State(userId, landmark, days, contributors, causes, latestEvent, published, in.readDouble(),
        readStrings(in));
  }

  private static PublishedScore readPublished(DataInputStream in) throws IOException {
    double score = in.readDouble();
    long at = in.readLong();
    int days = in.readInt();
    TreeMap<Long, Double> dayEndScores = new TreeMap<>();
    for (int i = 0; i < days; i++) {
      dayEndScores.put(in.readLong(), in.readDouble());
    }
    return new PublishedScore(score, at, dayEndScores);
  }
}
