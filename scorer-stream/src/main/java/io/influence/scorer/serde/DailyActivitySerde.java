package io.influence.scorer.serde;

import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.EngagementType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** A user's {@link DailyActivity} in the daily-activity window store. */
public final class DailyActivitySerde extends BinaryFormat<DailyActivity> {

  public DailyActivitySerde() {
    super(1);
  }

  @Override
  protected void write(DailyActivity day, DataOutputStream out) throws IOException {
    out.writeLong(day.dayIndex());
    writeCounts(day.counts(), out);
    Map<String, Double> influenceByType = new TreeMap<>();
    day.influenceByType().forEach((type, influence) -> influenceByType.put(type.name(), influence));
    writeDoubles(influenceByType, out);
    writeDoubles(day.influenceByNetwork(), out);
    writeDoubles(day.influenceByTopic(), out);
    out.writeDouble(day.score());
    out.writeLong(day.scoreAtMillis());
  }

  @Override
  protected DailyActivity read(DataInputStream in) throws IOException {
    long dayIndex = in.readLong();
    Map<EngagementType, Long> counts = readCounts(in);
    Map<EngagementType, Double> influenceByType = new EnumMap<>(EngagementType.class);
    readDoubles(in).forEach((type, influence) -> influenceByType.put(EngagementType.valueOf(type), influence));
    return new DailyActivity(dayIndex, counts, influenceByType, readDoubles(in), readDoubles(in), in.readDouble(), in.readLong());
  }
}
