package io.influence.scorer.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.UserScore;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceSnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one JSON line per user: {@code userId}, {@code score}, {@code influence}, {@code topics} as
 * {@code [{topic, score}]}, and {@code engagements} as the count of accepted interactions by type.
 * {@code replay} and {@code recompute} write this same format so their results can be compared line by line.
 */
public final class ScoreExportWriter implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final BufferedWriter out;
  private long written;

  public ScoreExportWriter(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      out = Files.newBufferedWriter(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export to " + file, e);
    }
  }

  public void write(InfluenceSnapshot snapshot) {
    writeLine(exportLine(snapshot));
  }

  /**
   * A score as published on the output topic: the same fields but {@code engagements}, which the topic
   * does not carry, and {@code updatedAt}, the time the score is as of.
   */
  public void write(UserScore score) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("userId", score.getUserId());
    line.put("score", score.getScore());
    line.put("influence", score.getInfluence());
    line.put("topics", score.getTopics().stream().map(topic -> Map.of("topic", topic.getTopic(), "score", topic.getScore())).toList());
    line.put("updatedAt", score.getUpdatedAt().toString());
    writeLine(line);
  }

  private static Map<String, Object> exportLine(InfluenceSnapshot snapshot) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("userId", snapshot.userId());
    line.put("score", snapshot.score());
    line.put("influence", snapshot.influence());
    line.put("topics", snapshot.topics().stream()
        .map(topic -> Map.of("topic", topic.topic(), "score", topic.score()))
        .toList());
    Map<String, Long> engagements = new TreeMap<>();
    for (Map.Entry<EngagementType, Long> count : snapshot.engagementCounts().entrySet()) {
      engagements.put(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
    }
    line.put("engagements", engagements);
    return line;
  }

  private void writeLine(Map<String, Object> line) {
    try {
      out.write(json.writeValueAsString(line));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export", e);
    }
    written++;
  }

  public void writeAll(List<InfluenceSnapshot> snapshots) {
    snapshots.forEach(this::write);
  }

  public long written() {
    return written;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the export", e);
    }
  }
}
