package io.influence.scorer.replay;

/**
 * What became of a replay's events. Conservation: {@code events = scored + dlq + duplicates + ignored},
 * where {@code dlq} counts both lines the reader rejected and records the scorer dead-lettered.
 */
public record ReplaySummary(long events, long scored, long dlq, long duplicates, long ignored, long users, double seconds) {

  public double rate() {
    return seconds > 0 ? events / seconds : 0;
  }

  public boolean isConserved() {
    return events == scored + dlq + duplicates + ignored;
  }

  /** The one line {@code replay} prints last. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "events=%d scored=%d dlq=%d duplicates=%d ignored=%d seconds=%.1f rate=%.0f/s",
        events, scored, dlq, duplicates, ignored, seconds, rate());
  }
}
