package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.connector.SnapActivityReader;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.testing.SharedData;
import io.influence.scorer.topology.TopologySettings;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test of predictive validity on the real Higgs Twitter data: score everyone at a split,
 * rank them against the distinct people who engage them after it, and compare with the raw count of
 * interactions they received before it. The numbers are recorded in docs/VALIDATION.md.
 */
class HiggsPredictiveValidityIT {

  /**
   * KNOWN GAP, not the goal. The issue asks that the score rank users better than the raw count, on
   * Spearman and NDCG@100. With the default model it does not, at either split, and no principled
   * change tried beat the count on both (docs/VALIDATION.md, "Candidate model changes"). This test
   * states that truth instead of hiding it: when a change to the model closes the gap it fails, and
   * its assertions are to be turned round into the "the score beats the count".
   */
  @ParameterizedTest(name = "split at {0}")
  @CsvSource({"2012-07-04T00:00:00Z, 6853", "2012-07-03T00:00:00Z, 3046"})
  void withTheDefaultModelTheScoreDoesNotYetRankUsersBetterThanTheRawCountOfInteractionsReceived(Instant split, long users) {
    TopologySettings defaults = TopologySettings.from(ScorerConfig.defaults());
    ValidityReport report = PredictiveValidity.measure(
        new TemporalSplit(new InfluenceModel(defaults.parameters(), defaults.minScoreChange()), defaults.topics(), split)
            .run(new SnapActivityReader(SharedData.higgsFile())));
    System.out.println(report.table());

    assertThat(report.users()).as("users engaged by others before the split").isEqualTo(users);
    ValidityReport.Row score = report.row(Predictor.INFLUENCE_SCORE);
    ValidityReport.Row count = report.row(Predictor.RECEIVED_COUNT);
    assertThat(score.spearman()).as("the score foretells engagement at all").isGreaterThan(0.3);
    assertThat(score.spearman()).as("KNOWN GAP: Spearman of score vs raw count").isLessThan(count.spearman());
    assertThat(score.ndcgAt(100)).as("KNOWN GAP: NDCG@100 of score vs raw count").isLessThan(count.ndcgAt(100));
  }
}
