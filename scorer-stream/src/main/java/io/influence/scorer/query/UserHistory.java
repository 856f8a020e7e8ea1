package io.influence.scorer.query;

import io.influence.scorer.model.DailyActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's days, as {@code GET /v1/users/{userId}/history} returns them: one point per UTC day, oldest
 * first, ending on the latest day the user has: their day in progress, or the latest in the daily-activity store.
 *
 * @param from the first day asked for
 * @param until the latest day the user has: the day of their latest engagement or published score
 */
public record UserHistory(String userId, LocalDate from, LocalDate until, List<DayPoint> days) {

  /**
   * One day.
   *
   * @param score the last score published by the end of the day: the day's own last publication, else the
   *     one before it, since the score downstream sees stays until the next; null before the first
   * @param scoreChanged whether a score was published on this day
   * @param engagements engagements received (and posts made) that day, by type
   * @param influence the raw influence received that day, at each engagement's own time
   */
  public record DayPoint(LocalDate day, Double score, boolean scoreChanged, Map<String, Long> engagements, double influence,
      Map<String, Double> networks, Map<String, Double> topics) {}

  /** @param stored the user's days, in any order; of two for the same day, the later in the list is kept; not empty */
  static UserHistory of(String userId, List<DailyActivity> stored, int days) {
    TreeMap<Long, DailyActivity> byDay = new TreeMap<>();
    stored.forEach(day -> byDay.put(day.dayIndex(), day));
    long until = byDay.lastKey();
    long from = until - days + 1;
    Double carried = null;
    for (DailyActivity day : byDay.headMap(from, false).values()) {
      carried = day.hasScore() ? Double.valueOf(ApiFormat.score(day.score())) : carried;
    }
    List<DayPoint> points = new ArrayList<>(days);
    for (long index = from; index <= until; index++) {
      DailyActivity day = byDay.getOrDefault(index, DailyActivity.empty(index));
      carried = day.hasScore() ? Double.valueOf(ApiFormat.score(day.score())) : carried;
      points.add(new DayPoint(LocalDate.ofEpochDay(index), carried, day.hasScore(), ApiFormat.engagements(day.counts()),
          ApiFormat.influence(day.influenceByType().values().stream().mapToDouble(Double::doubleValue).sum()),
          ApiFormat.influences(day.influenceByNetwork()), ApiFormat.influences(day.influenceByTopic())));
    }
    return new UserHistory(userId, LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(until), points);
  }
}
