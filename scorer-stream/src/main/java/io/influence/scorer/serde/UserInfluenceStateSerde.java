package io.influence.scorer.serde;

import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.UserInfluence;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** A user's {@link UserInfluence.State} in the state store and its changelog. */
public final class UserInfluenceStateSerde extends BinaryFormat<UserInfluence.State> {

  public UserInfluenceStateSerde() {
    super(1);
  }

  @Override
  protected void write(UserInfluence.State state, DataOutputStream out) throws IOException {
    out.writeUTF(state.userId());
    out.writeLong(state.landmarkMillis());
    out.writeDouble(state.forwardTotal());
    writeDoubles(state.forwardByNetwork(), out);
    writeDoubles(state.forwardByTopic(), out);
    out.writeInt(state.engagementCounts().size());
    for (Map.Entry<EngagementType, Long> count : state.engagementCounts().entrySet()) {
      out.writeUTF(count.getKey().name());
      out.writeLong(count.getValue());
    }
    out.writeLong(state.latestEventMillis());
    out.writeDouble(state.publishedScore());
    out.writeDouble(state.previousPublishedScore());
    writeStrings(state.publishedTopics(), out);
  }

  @Override
  protected UserInfluence.State read(DataInputStream in) throws IOException {
    String userId = in.readUTF();
    long landmark = in.readLong();
    double total = in.readDouble();
    Map<String, Double> networks = readDoubles(in);
    Map<String, Double> topics = readDoubles(in);
    int countSize = in.readInt();
    Map<EngagementType, Long> counts = new EnumMap<>(EngagementType.class);
    for (int i = 0; i < countSize; i++) {
      counts.put(EngagementType.valueOf(in.readUTF()), in.readLong());
    }
    return new UserInfluence.State(userId, landmark, total, networks, topics, counts, in.readLong(), in.readDouble(), in.readDouble(),
        readStrings(in));
  }
}
