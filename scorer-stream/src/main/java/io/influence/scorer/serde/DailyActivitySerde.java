package io.influence.scorer.serde;

import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.EngagementType;
import java.util.Map;

/**
 * A user's {@link DailyActivity} in the daily-activity window store. The time of the day's score is
 * written from the start of the day; a day without a score writes neither.
 */
public final class DailyActivitySerde extends BinaryFormat<DailyActivity> {

  public DailyActivitySerde() {
    super("the daily-activity store", 2);
  }

  @Override
  protected void write(DailyActivity day, BinaryWriter out) {
    out.writeLongFrom(0, day.dayIndex());
    writeCounts(day.counts(), out);
    writeAmounts(day.influenceByType(), out);
    writeDoubles(day.influenceByNetwork(), out);
    writeDoubles(day.influenceByTopic(), out);
    out.writeBoolean(day.hasScore());
    if (day.hasScore()) {
      out.writeDouble(day.score());
      out.writeLongFrom(day.startMillis(), day.scoreAtMillis());
    }
  }

  @Override
  protected DailyActivity read(BinaryReader in) {
    long dayIndex = in.readLongFrom(0);
    Map<EngagementType, Long> counts = readCounts(in);
    Map<EngagementType, Double> influenceByType = readAmounts(in);
    Map<String, Double> influenceByNetwork = readDoubles(in);
    Map<String, Double> influenceByTopic = readDoubles(in);
    if (!in.readBoolean()) {
      return new DailyActivity(dayIndex, counts, influenceByType, influenceByNetwork, influenceByTopic, Double.NaN, Long.MIN_VALUE);
    }
    double score = in.readDouble();
    long scoreAtMillis = in.readLongFrom(dayIndex * DailyActivity.MILLIS_PER_DAY);
    return new DailyActivity(dayIndex, counts, influenceByType, influenceByNetwork, influenceByTopic, score, scoreAtMillis);
  }
}
