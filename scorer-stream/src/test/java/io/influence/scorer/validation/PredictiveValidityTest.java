package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.validation.TemporalSplit.SplitData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveValidityTest {
  private static final Instant SPLIT = Instant.ofEpochSecond(1_000);

  @Test
  void aPredictorThatOrdersUsersAsTheGroundTruthScoresOneAndOneInReverseMinusOne() {
    // The score orders a, b, c as their later engagement does; the count orders them in reverse.
    List<UserAtSplit> users = List.of(
        new UserAtSplit("a", 30.0, 1, 1.0, 1, 9),
        new UserAtSplit("b", 20.0, 2, 2.0, 2, 5),
        new UserAtSplit("c", 10.0, 3, 3.0, 3, 0));

    ValidityReport report = PredictiveValidity.measure(new SplitData(SPLIT, SPLIT.plusSeconds(60), 0, users));

    assertThat(report.row(Predictor.INFLUENCE_SCORE).spearman()).isEqualTo(1.0);
    assertThat(report.row(Predictor.INFLUENCE_SCORE).ndcgAt(100)).isEqualTo(1.0);
    assertThat(report.row(Predictor.RECEIVED_COUNT).spearman()).isEqualTo(-1.0);
    assertThat(report.row(Predictor.RECEIVED_COUNT).ndcgAt(100)).isLessThan(1.0);
    assertThat(report.users()).isEqualTo(3);
    assertThat(report.engagedAfter()).isEqualTo(2);
  }

  @Test
  void usersAPredictorTiesAreRankedByUserIdWhateverOrderTheyCameIn() {
    UserAtSplit b = new UserAtSplit("b", 5.0, 1, 1.0, 1, 0);
    UserAtSplit a = new UserAtSplit("a", 5.0, 1, 1.0, 1, 3);

    assertThat(List.of(b, a).stream().sorted(Predictor.RECEIVED_COUNT.ranking())).containsExactly(a, b);
  }

  @Test
  void theTableHasARowPerPredictorWithItsSpearmanAndNdcgAtEachCutoff() {
    List<UserAtSplit> users = List.of(new UserAtSplit("a", 30.0, 1, 1.0, 1, 9), new UserAtSplit("b", 20.0, 2, 2.0, 2, 5));

    String table = PredictiveValidity.measure(new SplitData(SPLIT, SPLIT.plusSeconds(60), 0, users)).table();

    assertThat(table)
        .contains("split 1970-01-01T00:16:40Z (1000)")
        .contains("| method                      | Spearman |  NDCG@100 | NDCG@1000 |")
        .contains("| influence score             |   1.0000 |    1.0000 |    1.0000 |")
        .contains("| interactions received       |  -1.0000 |")
        .contains("| decayed count (reference)   |  -1.0000 |")
        .contains("| distinct actors (reference) |  -1.0000 |");
  }
}
