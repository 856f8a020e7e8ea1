package io.influence.scorer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.EventSource;
import io.influence.connector.SnapActivityReader;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.scorer.model.InfluenceModel;
import io.influence.connector.SharedData;
import io.influence.scorer.topology.TopologySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without actor weighting, the stream on four partitions and the offline model agree on every score. */
class StreamingMatchesRecomputeIT {

  /** The first three days of the Higgs file: 53,746 interactions to 6,853 users, before the announcement's burst. */
  @Test
  void withoutActorWeightingReplayAndRecomputeGiveTheSameScoresOnHiggs(@TempDir Path dir) throws Exception {
    Instant until = Instant.parse("2012-07-04T00:00:00Z");
    ScoreComparison comparison = replayAndRecompute(dir, new SnapActivityReader(SharedData.higgsFile(), until),
        new SnapActivityReader(SharedData.higgsFile(), until));
    assertThat(comparison.users()).isGreaterThan(5_000);
    assertThat(comparison.maxRelativeDifference()).as(comparison.toString()).isLessThan(1e-9);
  }

  /**
   * MathOverflow's first three months: 18,711 answers and comments over 94 days, so that both
   * timescales of the model, the pairs' forgetting and the decay reviews all come into play.
   */
  @Test
  void withoutActorWeightingReplayAndRecomputeGiveTheSameScoresOnMonthsOfMathOverflow(@TempDir Path dir) throws Exception {
    Instant until = Instant.parse("2010-01-01T00:00:00Z");
    ScoreComparison comparison = replayAndRecompute(dir, SharedData.mathOverflow(until), SharedData.mathOverflow(until));
    assertThat(comparison.users()).isGreaterThan(1_000);
    assertThat(comparison.maxRelativeDifference()).as(comparison.toString()).isLessThan(1e-9);
  }

  private static ScoreComparison replayAndRecompute(Path dir, EventSource streamed, EventSource recomputed) throws Exception {
    Path streamedScores = dir.resolve("streamed.jsonl");
    Path recomputedScores = dir.resolve("recomputed.jsonl");
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      ScorerConfig config = stack.scorerConfig(dir.resolve("state"), FreePorts.next()).with(Map.of(
        "topic.partitions", "4",
        "scoring.actor.weighting", "false"));
      new ReplayRunner(config, new PrintStream(new ByteArrayOutputStream())).run(streamed, streamedScores);
      TopologySettings scoring = TopologySettings.from(config);
      new Recompute(new InfluenceModel(scoring.parameters(), scoring.minScoreChange()), scoring.topics()).run(recomputed, recomputedScores);
    }
    return ScoreComparison.of(recomputedScores, streamedScores);
  }
}
