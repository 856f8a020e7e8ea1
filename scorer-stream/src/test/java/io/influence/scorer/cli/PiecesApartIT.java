package io.influence.scorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.connector.SharedData;
import io.influence.embedded.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "pieces apart", each a process of its own: {@code broker}, {@code registry},
 * {@code replay --publish-only} of the first day of the Higgs file, {@code run} until it has scored it,
 * then {@code export} of the output topic, which agrees with {@code recompute} of the same events.
 */
class PiecesApartIT {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  /** 2012-07-02T00:00:00Z: the first day of the Higgs file. */
  private static final String UNTIL = "1341187200";
  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void aFilePublishedAloneScoredByRunAndExportedFromTheTopicAgreesWithRecompute(@TempDir Path directory) throws Exception {
    String bootstrap = "localhost:" + FreePorts.next();
    String registryUrl = "http://localhost:" + FreePorts.next();
    List<String> cluster = List.of("--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl);
    List<String> input = List.of("--input", SharedData.higgsFile().toString(), "--format", "snap", "--until", UNTIL);
    List<String> unweighted = List.of("--set", "scoring.actor.weighting=false");
    try (CliProcess broker = CliProcess.start(List.of("broker", "--port", bootstrap.substring(bootstrap.indexOf(':') + 1),
            "--data-dir", directory.resolve("kafka").toString()), Map.of(), directory.resolve("broker.log"));
        CliProcess registry = CliProcess.start(List.of("registry", "--bootstrap-servers", bootstrap,
            "--port", registryUrl.substring(registryUrl.lastIndexOf(':') + 1)), Map.of(), directory.resolve("registry.log"))) {
      await().atMost(PATIENCE).until(() -> registry.output().contains("Schema registry at"));

      CliProcess publisher = CliProcess.start(concat(List.of("replay", "--publish-only"), input, cluster), Map.of(),
          directory.resolve("publish.log"));
      assertThat(publisher.awaitExit(PATIENCE)).as(publisher::output).isZero();
      assertThat(publisher.output()).containsPattern("published=\\d+ rejected=0");

      int httpPort = FreePorts.next();
      try (CliProcess scorer = CliProcess.start(concat(List.of("run", "--http-port", String.valueOf(httpPort),
          "--state-dir", directory.resolve("state").toString()), cluster, unweighted), Map.of(), directory.resolve("run.log"))) {
        awaitQuiet(directory, cluster);
        scorer.terminate(Duration.ofSeconds(60));
      }
      CliProcess recompute = CliProcess.start(concat(List.of("recompute", "--export", directory.resolve("recomputed.jsonl").toString()),
          input, unweighted), Map.of(), directory.resolve("recompute.log"));
      assertThat(recompute.awaitExit(PATIENCE)).as(recompute::output).isZero();
    }

    Map<String, Double> exported = scores(directory.resolve("exported.jsonl"));
    Map<String, Double> recomputed = scores(directory.resolve("recomputed.jsonl"));
    long close = recomputed.entrySet().stream()
        .filter(user -> exported.containsKey(user.getKey()) && Math.abs(exported.get(user.getKey()) - user.getValue()) <= 0.5)
        .count();
    // The topic holds each score as of its last publication, recompute as of the last event: decay since then apart, the same.
    assertThat(recomputed).hasSizeGreaterThan(500);
    assertThat((double) close / recomputed.size()).as("%d of %d within 0.5 points", close, recomputed.size()).isGreaterThanOrEqualTo(0.99);
  }

  /** Exports until two exports a few seconds apart are the same: the scorer has scored everything. */
  private static void awaitQuiet(Path directory, List<String> cluster) {
    String[] previous = {""};
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(5)).until(() -> {
      CliProcess export = CliProcess.start(concat(List.of("export", "--export", directory.resolve("exported.jsonl").toString()), cluster),
          Map.of(), directory.resolve("export.log"));
      assertThat(export.awaitExit(PATIENCE)).as(export::output).isZero();
      String now = Files.readString(directory.resolve("exported.jsonl"));
      boolean quiet = !now.isEmpty() && now.equals(previous[0]);
      previous[0] = now;
      return quiet;
    });
  }

  private static Map<String, Double> scores(Path export) throws Exception {
    Map<String, Double> scores = new HashMap<>();
    for (String line : Files.readAllLines(export)) {
      JsonNode user = json.readTree(line);
      scores.put(user.get("userId").asText(), user.get("score").asDouble());
    }
    return scores;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
