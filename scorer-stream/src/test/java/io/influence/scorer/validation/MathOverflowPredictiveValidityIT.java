package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.connector.SharedData;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bar of predictive validity on six years of MathOverflow (docs/VALIDATION.md): at each split, the
 * default score ranks the users engaged in the 90 days before it, by the distinct people who engage
 * them in the 90 days after it, better than every baseline, on Spearman's ρ, NDCG@100 and NDCG@1000.
 * The defaults were chosen on the 2013-07-01 split; the other two confirm them.
 */
class MathOverflowPredictiveValidityIT {

  @ParameterizedTest(name = "split at {0}")
  @CsvSource({"2012-01-01T00:00:00Z, 2142", "2013-07-01T00:00:00Z, 2731", "2015-01-01T00:00:00Z, 2288"})
  void theScoreRanksUsersBetterThanEveryBaselineOnEveryMeasure(Instant split, long users) {
    ValidityReport report = ValidityRun.withDefaults(SharedData.mathOverflow(Instant.MAX), split, Optional.of(Duration.ofDays(90)));

    assertThat(report.users()).as("users engaged by others in the 90 days before the split").isEqualTo(users);
    ValidityReport.Row score = report.row(Predictor.INFLUENCE_SCORE);
    for (String measure : ValidityReport.MEASURES) {
      ValidityReport.Row best = report.bestBaseline(measure);
      int m = ValidityReport.MEASURES.indexOf(measure);
      assertThat(score.values().get(m)).as("%s of the score against %s", measure, best.predictor().label())
          .isGreaterThan(best.values().get(m));
    }
  }
}
