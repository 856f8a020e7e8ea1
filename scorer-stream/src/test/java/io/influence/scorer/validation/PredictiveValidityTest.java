package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.scorer.validation.TemporalSplit.SplitData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveValidityTest {
  private static final Instant SPLIT = Instant.ofEpochSecond(1_000);

  /** A user whose every baseline is {@code baseline}, with enough recent actors to count in Spearman. */
  private static UserAtSplit user(String id, double score, long baseline, long actorsAfter) {
    return new UserAtSplit(id, score, baseline, baseline, baseline + 3, baseline + 3, baseline, baseline, baseline, actorsAfter);
  }

  private static ValidityReport measure(List<UserAtSplit> users, int resamples) {
    return PredictiveValidity.measure(new SplitData(SPLIT, SPLIT.plusSeconds(60), 0, users), resamples);
  }

  @Test
  void aPredictorThatOrdersUsersAsTheGroundTruthScoresOneAndOneInReverseMinusOne() {
    // The score orders a, b, c as their later engagement does; every baseline orders them in reverse.
    ValidityReport report = measure(List.of(user("a", 30.0, 1, 9), user("b", 20.0, 2, 5), user("c", 10.0, 3, 0)), 0);

    assertThat(report.row(Predictor.INFLUENCE_SCORE).spearman()).isEqualTo(1.0);
    assertThat(report.row(Predictor.INFLUENCE_SCORE).ndcgAt(100)).isEqualTo(1.0);
    assertThat(report.row(Predictor.RECEIVED).spearman()).isEqualTo(-1.0);
    assertThat(report.row(Predictor.PAGE_RANK).ndcgAt(100)).isLessThan(1.0);
    assertThat(report.users()).isEqualTo(3);
    assertThat(report.engagedAfter()).isEqualTo(2);
    assertThat(report.intervals()).isEmpty();
  }

  @Test
  void spearmanLeavesOutUsersWithFewerThanThreeRecentActorsAndNdcgKeepsThem() {
    UserAtSplit few = new UserAtSplit("few", 50.0, 1, 1, 1, 2, 1, 1, 1, 0);
    List<UserAtSplit> users = List.of(user("a", 30.0, 1, 9), user("b", 20.0, 2, 5), user("c", 10.0, 3, 0), few);

    ValidityReport report = measure(users, 0);

    assertThat(report.usersInSpearman()).isEqualTo(3);
    assertThat(report.row(Predictor.INFLUENCE_SCORE).spearman()).as("'few' would spoil a perfect order").isEqualTo(1.0);
    assertThat(report.row(Predictor.INFLUENCE_SCORE).ndcgAt(100)).as("but it does at the head").isLessThan(1.0);
  }

  @Test
  void theBootstrapIntervalHoldsTheDifferenceFromTheBestBaselineAndIsReproducible() {
    List<UserAtSplit> users = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // The score knows the truth; the baselines only its rough half.
      users.add(user("u" + i, i, i / 100, i));
    }

    ValidityReport report = measure(users, 300);

    assertThat(report.intervals()).hasSize(ValidityReport.MEASURES.size());
    for (ValidityReport.Interval interval : report.intervals()) {
      assertThat(interval.difference()).as(interval.measure()).isPositive().isBetween(interval.low(), interval.high());
      assertThat(interval.low()).as(interval.measure()).isPositive();
    }
    assertThat(measure(users, 300).intervals()).isEqualTo(report.intervals());
  }

  @Test
  void theTableHasARowPerMethodAndTheJsonTheSameNumbers() throws Exception {
    ValidityReport report = measure(List.of(user("a", 30.0, 1, 9), user("b", 20.0, 2, 5), user("c", 10.0, 3, 0)), 50);

    assertThat(report.table())
        .contains("split 1970-01-01T00:16:40Z (1000)")
        .contains("| method                     |  Spearman |  NDCG@100 | NDCG@1000 |")
        .contains("| influence score            |    1.0000 |    1.0000 |    1.0000 |")
        .contains("| received, all time         |   -1.0000 |")
        .contains("| PageRank, 90 days          |   -1.0000 |")
        .contains("score minus the best baseline, 95% paired bootstrap interval (50 resamples of the users)");
    JsonNode json = new ObjectMapper().readTree(report.json());
    assertThat(json.get("methods")).hasSize(Predictor.values().length);
    assertThat(json.get("methods").get(0).get("Spearman").asDouble()).isEqualTo(1.0);
    assertThat(json.get("scoreMinusBestBaseline").get(0).get("measure").asText()).isEqualTo("Spearman");
  }
}
