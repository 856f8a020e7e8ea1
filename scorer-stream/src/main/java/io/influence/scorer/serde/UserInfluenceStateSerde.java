package io.influence.scorer.serde;

import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.PublishedScore;
import io.influence.scorer.model.UserInfluence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's {@link UserInfluence.State}, the main part of their record in the user-influence store
 * ({@link ScoredUserSerde}).
 *
 * <p>Times are written as differences from the landmark or the latest event. The standing by network
 * is usually a copy of the whole standing, bit for bit, since most users are engaged on one network:
 * then only the network's name is written. A topic's two sums are written after its name. The recent
 * causes are written field by field, so that their event ids, which share a connector's prefix, follow
 * each other.
 */
public final class UserInfluenceStateSerde extends BinaryFormat<UserInfluence.State> {

  public UserInfluenceStateSerde() {
    super("the user-influence store", 4);
  }

  @Override
  protected void write(UserInfluence.State state, BinaryWriter out) {
    out.writeString(state.userId());
    long landmark = state.landmarkMillis();
    out.writeLongFrom(0, landmark);
    out.writeLongFrom(landmark, state.latestEventMillis());
    out.writeDouble(state.standing());
    out.writeDouble(state.momentum());
    Map<String, Double> byNetwork = state.standingByNetwork();
    boolean onlyNetworkHoldsStanding = byNetwork.size() == 1 && sameBits(byNetwork.values().iterator().next(), state.standing());
    out.writeBoolean(onlyNetworkHoldsStanding);
    if (onlyNetworkHoldsStanding) {
      out.writeString(byNetwork.keySet().iterator().next());
    } else {
      writeDoubles(byNetwork, out);
    }
    writeTopics(state.byTopic(), out);
    writeCounts(state.counts(), out);
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
    double standing = in.readDouble();
    double momentum = in.readDouble();
    Map<String, Double> byNetwork = in.readBoolean() ? new TreeMap<>(Map.of(in.readString(), standing)) : readDoubles(in);
    Map<String, UserInfluence.TopicSums> topics = readTopics(in);
    Map<EngagementType, Long> counts = readCounts(in);
    Map<String, Double> contributors = readDoubles(in);
    List<UserInfluence.Cause> causes = readCauses(latestEvent, in);
    PublishedScore published = in.readBoolean() ? readPublished(latestEvent, in) : null;
    return new UserInfluence.State(userId, landmark, standing, momentum, byNetwork, topics, counts, contributors, causes, latestEvent,
        published, in.readDouble(), readStrings(in));
  }

  private static void writeTopics(Map<String, UserInfluence.TopicSums> topics, BinaryWriter out) {
    out.writeVarLong(topics.size());
    new TreeMap<>(topics).forEach((topic, sums) -> {
      out.writeString(topic);
      out.writeDouble(sums.standing());
      out.writeDouble(sums.momentum());
    });
  }

  private static Map<String, UserInfluence.TopicSums> readTopics(BinaryReader in) {
    int count = in.readVarInt();
    Map<String, UserInfluence.TopicSums> topics = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      topics.put(in.readString(), new UserInfluence.TopicSums(in.readDouble(), in.readDouble()));
    }
    return topics;
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
