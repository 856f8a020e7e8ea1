package io.influence.scorer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.SnapActivityReader;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.topology.TopologySettings;
import io.influence.connector.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Higgs Twitter file, replayed through the registry, a real broker and the topology. */
class HiggsReplayIT {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyUserWhoReceivedAnInteractionIsExportedAndTheMostRetweetedLeads(@TempDir Path dir) throws Exception {
    Path higgs = SharedData.higgsFile();
    Path export = dir.resolve("scores.jsonl");
    ReplaySummary summary;
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      ScorerConfig config = stack.scorerConfig(dir.resolve("state"), FreePorts.next());
      summary = new ReplayRunner(config, new PrintStream(new ByteArrayOutputStream())).run(new SnapActivityReader(higgs), export);
    }

    assertThat(summary.events()).isEqualTo(563_069);
    assertThat(summary.isConserved()).as(summary.line()).isTrue();
    assertThat(summary.ignored()).as("self-interactions").isEqualTo(7_588);
    assertThat(summary.dlq()).isZero();

    List<JsonNode> users = new ArrayList<>();
    for (String line : Files.readAllLines(export)) {
      users.add(json.readTree(line));
    }
    Set<String> exported = users.stream().map(user -> user.get("userId").asText()).collect(Collectors.toSet());
    assertThat(exported).isEqualTo(targetsOfOthers(higgs));
    users.sort(Comparator.comparingDouble((JsonNode user) -> user.get("score").asDouble()).reversed());
    assertThat(users.subList(0, 3)).extracting(user -> user.get("userId").asText()).contains("twitter:88");
    assertThat(users).allSatisfy(user -> assertThat(user.get("score").asDouble()).isBetween(1.0, 100.0));

    // With actor weighting the stream reads actors' scores back from its own output, so timing across
    // partitions can change a weight; recompute applies every score at once. docs/SCORING.md gives the bound.
    Path offline = dir.resolve("recomputed.jsonl");
    TopologySettings scoring = TopologySettings.from(ScorerConfig.defaults());
    new Recompute(new InfluenceModel(scoring.parameters(), scoring.minScoreChange()), scoring.topics()).run(new SnapActivityReader(higgs), offline);
    ScoreComparison comparison = ScoreComparison.of(offline, export);
    assertThat(comparison.users()).isEqualTo(exported.size());
    System.out.println("stream against recompute: " + comparison);
    // Seven CI runs of the same code on 2026-12-04 gave 99.88 to 99.96 % within 0.5 points: the bar sits
    // below that spread, which the partitions' interleaving makes, not a change of the model.
    assertThat(comparison.shareWithin(0.5)).as(comparison.toString()).isGreaterThanOrEqualTo(0.998);
    // All within 2 points on a quiet machine (max 1.26); on one shared with two other builds (load 7)
    // one user of 59,075 was 2.45 points off, an actor's score read back late.
    assertThat(comparison.shareWithin(2.0)).as(comparison.toString()).isGreaterThanOrEqualTo(0.9999);
  }

  /** Users who received at least one interaction from somebody else, straight from the file. */
  private static Set<String> targetsOfOthers(Path higgs) throws Exception {
    String text;
    try (var in = new GZIPInputStream(Files.newInputStream(higgs))) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
    return text.lines()
        .map(line -> line.split(" "))
        .filter(fields -> !fields[0].equals(fields[1]))
        .map(fields -> "twitter:" + fields[1])
        .collect(Collectors.toSet());
  }
}
