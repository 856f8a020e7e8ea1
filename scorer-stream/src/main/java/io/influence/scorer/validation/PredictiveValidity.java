package io.influence.scorer.validation;

import io.influence.scorer.validation.TemporalSplit.SplitData;
import java.util.Arrays;
import java.util.List;

/**
 * Whether the score foretells engagement: across the users of a {@link TemporalSplit}, how well each
 * {@link Predictor} ranks them by the distinct people who engage them after the split. Spearman's ρ
 * judges the whole order; NDCG@100 and NDCG@1000 judge the top, which is what a ranking is used for.
 */
public final class PredictiveValidity {
  /** Cut-offs of NDCG: the head of the ranking, and a wider one. */
  public static final List<Integer> CUTOFFS = List.of(100, 1000);

  private PredictiveValidity() {}

  public static ValidityReport measure(SplitData data) {
    List<UserAtSplit> users = data.users();
    double[] truth = users.stream().mapToDouble(UserAtSplit::actorsAfter).toArray();
    List<ValidityReport.Row> rows = Arrays.stream(Predictor.values())
        .map(predictor -> new ValidityReport.Row(predictor,
            RankCorrelation.spearman(users.stream().mapToDouble(predictor::valueOf).toArray(), truth),
            CUTOFFS.stream().map(k -> Ndcg.atK(users, predictor.ranking(), UserAtSplit::actorsAfter, k)).toList()))
        .toList();
    long engagedAfter = users.stream().filter(user -> user.actorsAfter() > 0).count();
    return new ValidityReport(data.split(), data.lastEvent(), users.size(), engagedAfter, data.rejectedLines(), rows);
  }
}
