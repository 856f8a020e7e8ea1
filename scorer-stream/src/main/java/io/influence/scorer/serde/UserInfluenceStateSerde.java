package io.influence.scorer.serde;

import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.PublishedScore;
import io.influence.scorer.model.UserInfluence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's {@link UserInfluence.State} in the user-influence store and its changelog.
 *
 * <p>Times are written as differences from the landmark or the latest event, days from the day before.
 * Two doubles are often copies of a day's level, bit for bit, because they are the same additions in
 * the same order: the cumulative level of a day that has no earlier day in the window, and the sum of
 * a day's only network. A flag says so instead of writing the copy. The recent causes are written field
 * by field, so that their event ids, which share a connector's prefix, follow each other.
 */
public final class UserInfluenceStateSerde extends BinaryFormat<UserInfluence.State> {
  private static final int CUMULATIVE_IS_LEVEL = 1;
  private static final int ONLY_NETWORK_HOLDS_LEVEL = 2;

  public UserInfluenceStateSerde() {
    super("the user-influence store", 3);
  }

  @Override
  protected void write(UserInfluence.State state, BinaryWriter out) {
    out.writeString(state.userId());
    long landmark = state.landmarkMillis();
    out.writeLongFrom(0, landmark);
    out.writeLongFrom(landmark, state.latestEventMillis());
    writeDays(state.days(), DailyActivity.dayIndexOf(landmark), out);
    writeDoubles(state.forwardByContributor(), out);
    writeCauses(state.recentCauses(), state.latestEventMillis(), out);
    PublishedScore published = state.published();
    out.writeBoolean(published != null);
    if (published != null) {
      writePublished(published, state.latestEventMillis(), out);
    }
    out.writeDouble(state.previousPublishedScore());
    writeStrings(state.publishedTopics(), out);
  }

  @Override
  protected UserInfluence.State read(BinaryReader in) {
    String userId = in.readString();
    long landmark = in.readLongFrom(0);
    long latestEvent = in.readLongFrom(landmark);
    List<UserInfluence.DayState> days = readDays(DailyActivity.dayIndexOf(landmark), in);
    Map<String, Double> contributors = readDoubles(in);
    List<UserInfluence.Cause> causes = readCauses(latestEvent, in);
    PublishedScore published = in.readBoolean() ? readPublished(latestEvent, in) : null;
    return new UserInfluence.State(userId, landmark, days, contributors, causes, latestEvent, published, in.readDouble(),
        readStrings(in));
  }

  private static void writeDays(List<UserInfluence.DayState> days, long landmarkDay, BinaryWriter out) {
    out.writeVarLong(days.size());
    long previousDay = landmarkDay;
    for (UserInfluence.DayState day : days) {
      out.writeLongFrom(previousDay, day.dayIndex());
      previousDay = day.dayIndex();
      boolean cumulativeIsLevel = sameBits(day.cumulativeLevel(), day.level());
      boolean onlyNetworkHoldsLevel = day.byNetwork().size() == 1 && sameBits(day.byNetwork().values().iterator().next(), day.level());
      out.writeByte((cumulativeIsLevel ? CUMULATIVE_IS_LEVEL : 0) | (onlyNetworkHoldsLevel ? ONLY_NETWORK_HOLDS_LEVEL : 0));
      out.writeDouble(day.level());
      out.writeDouble(day.pace());
      if (!cumulativeIsLevel) {
        out.writeDouble(day.cumulativeLevel());
      }
      if (onlyNetworkHoldsLevel) {
        out.writeString(day.byNetwork().keySet().iterator().next());
      } else {
        writeDoubles(day.byNetwork(), out);
      }
      writeDoubles(day.byTopic(), out);
      writeCounts(day.counts(), out);
    }
  }

  private static List<UserInfluence.DayState> readDays(long landmarkDay, BinaryReader in) {
    int count = in.readVarInt();
    List<UserInfluence.DayState> days = new ArrayList<>(count);
    long previousDay = landmarkDay;
    for (int i = 0; i < count; i++) {
      long dayIndex = in.readLongFrom(previousDay);
      previousDay = dayIndex;
      int flags = in.readByte();
      double level = in.readDouble();
      double pace = in.readDouble();
      double cumulativeLevel = (flags & CUMULATIVE_IS_LEVEL) != 0 ? level : in.readDouble();
      Map<String, Double> byNetwork = (flags & ONLY_NETWORK_HOLDS_LEVEL) != 0
          ? new TreeMap<>(Map.of(in.readString(), level))
          : readDoubles(in);
      days.add(new UserInfluence.DayState(dayIndex, level, pace, cumulativeLevel, byNetwork, readDoubles(in), readCounts(in)));
    }
    return days;
  }

  private static void writeCauses(List<UserInfluence.Cause> causes, long latestEvent, BinaryWriter out) {
    out.writeVarLong(causes.size());
    causes.forEach(cause -> out.writeString(cause.eventId()));
    causes.forEach(cause -> out.writeString(cause.actorId()));
    causes.forEach(cause -> writeType(cause.type(), out));
    causes.forEach(cause -> out.writeDouble(cause.contribution()));
    causes.forEach(cause -> out.writeLongFrom(latestEvent, cause.atMillis()));
  }

  private static List<UserInfluence.Cause> readCauses(long latestEvent, BinaryReader in) {
    int count = in.readVarInt();
    String[] eventIds = new String[count];
    String[] actorIds = new String[count];
    EngagementType[] types = new EngagementType[count];
    double[] contributions = new double[count];
    for (int i = 0; i < count; i++) {
      eventIds[i] = in.readString();
    }
    for (int i = 0; i < count; i++) {
      actorIds[i] = in.readString();
    }
    for (int i = 0; i < count; i++) {
      types[i] = readType(in);
    }
    for (int i = 0; i < count; i++) {
      contributions[i] = in.readDouble();
    }
    List<UserInfluence.Cause> causes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      causes.add(new UserInfluence.Cause(eventIds[i], actorIds[i], types[i], contributions[i], in.readLongFrom(latestEvent)));
    }
    return causes;
  }
}
