package io.influence.scorer.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Topic names as the model compares them. */
public final class Topics {
  private Topics() {}

  /**
   * Lower case, without leading {@code #}, with runs of white space folded to one space, so that
   * {@code "#Cooking"}, {@code "cooking"} and {@code " COOKING "} are one topic. Blank gives "".
   */
  public static String normalise(String raw) {
    String trimmed = raw.strip();
    int start = 0;
    while (start < trimmed.length() && trimmed.charAt(start) == '#') {
      start++;
    }
    return trimmed.substring(start).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Normalised, without blanks or repeats, in their first order. */
  public static List<String> normaliseAll(List<String> raw) {
    Set<String> topics = new LinkedHashSet<>();
    for (String topic : raw) {
      String normalised = normalise(topic);
      if (!normalised.isEmpty()) {
        topics.add(normalised);
      }
    }
    return List.copyOf(topics);
  }
}
