package io.influence.scorer.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

  private static Map<String, Double> scores(Path export) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Double> scores = new HashMap<>();
    for (String line : Files.readAllLines(export)) {
      JsonNode user = json.readTree(line);
      scores.put(user.get("userId").asText(), user.get("score").asDouble());
    }
    return scores;
  }
}
