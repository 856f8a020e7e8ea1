package io.influence.scorer.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How far two exports of the same users' scores are apart. */
record ScoreComparison(int users, double[] sortedDifferences, double maxRelativeDifference) {

  static ScoreComparison of(Path expected, Path actual) throws IOException {
    Map<String, Double> expectedScores = scores(expected);
    Map<String, Double> actualScores = scores(actual);
    if (!expectedScores.keySet().equals(actualScores.keySet())) {
      throw new AssertionError("the exports hold different users: " + expectedScores.size() + " and " + actualScores.size());
    }
    double[] differences = new double[expectedScores.size()];
    double maxRelative = 0;
    int i = 0;
    for (Map.Entry<String, Double> entry : expectedScores.entrySet()) {
      double difference = Math.abs(entry.getValue() - actualScores.get(entry.getKey()));
      differences[i++] = difference;
      maxRelative = Math.max(maxRelative, difference / entry.getValue());
    }
    Arrays.sort(differences);
    return new ScoreComparison(differences.length, differences, maxRelative);
  }

  double shareWithin(double points) {
    int within = 0;
    while (within < sortedDifferences.length && sortedDifferences[within] <= points) {
      within++;
    }
    return (double) within / sortedDifferences.length;
  }

  double maxDifference() {
    return sortedDifferences.length == 0 ? 0 : sortedDifferences[sortedDifferences.length - 1];
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%d users: %.4f within 0.5 points, %.5f within 2, max %.3f points, max relative %.2e",
        users, shareWithin(0.5), shareWithin(2.0), maxDifference(), maxRelativeDifference);
  }

  /** The users whose counts of accepted interactions by type differ between two exports. */
  static List<String> usersWithDifferentEngagements(Path expected, Path actual) throws IOException {
    Map<String, JsonNode> expectedCounts = engagements(expected);
    Map<String, JsonNode> actualCounts = engagements(actual);
    List<String> differing = new ArrayList<>();
    expectedCounts.forEach((user, counts) -> {
      if (!counts.equals(actualCounts.get(user))) {
        differing.add(user + ": " + counts + " against " + actualCounts.get(user));
      }
    });
    return differing;
  }

  private static Map<String, JsonNode> engagements(Path export) throws IOException {
    return perUser(export, user -> user.get("engagements"));
  }

  private static Map<String, Double> scores(Path export) throws IOException {
    return perUser(export, user -> user.get("score").asDouble());
  }

  private static <T> Map<String, T> perUser(Path export, Function<JsonNode, T> field) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, T> values = new HashMap<>();
    for (String line : Files.readAllLines(export)) {
      JsonNode user = json.readTree(line);
      values.put(user.get("userId").asText(), field.apply(user));
    }
    return values;
  }
}
