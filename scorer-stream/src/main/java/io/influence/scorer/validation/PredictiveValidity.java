package io.influence.scorer.validation;

import io.influence.scorer.validation.TemporalSplit.SplitData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Whether the score foretells engagement: across the users of a {@link TemporalSplit}, how well the
 * score and each baseline {@link Predictor} rank them by the distinct people who engage them after the
 * split, and how sure the score's lead (or lag) over the best baseline is.
 *
 * <ul>
 *   <li><b>Spearman's ρ</b> judges the whole order, over the users with at least
 *       {@value #MIN_ACTORS_FOR_SPEARMAN} distinct actors in the recent window: below that most users
 *       tie on every count, and ties, not foresight, decide the coefficient.
 *   <li><b>NDCG@100 and NDCG@1000</b> judge the head of the ranking, which is what a ranking is used
 *       for, over every user judged.
 *   <li>A <b>paired bootstrap</b> (Efron and Tibshirani, 1993) resamples the users with replacement and
 *       measures the score and the best baseline on the same resample: the 2.5th and 97.5th
 *       percentiles of their difference are a 95% interval for how much better the score ranks.
 * </ul>
 */
public final class PredictiveValidity {
  /** Cut-offs of NDCG: the head of the ranking, and a wider one. */
  public static final List<Integer> CUTOFFS = List.of(100, 1000);
  /** Fewer distinct actors than this in the recent window leave a user out of Spearman's ρ. */
  public static final int MIN_ACTORS_FOR_SPEARMAN = 3;
  /** The same resamples every run, so that a figure in the docs can be reproduced to the digit. */
  private static final long BOOTSTRAP_SEED = 20_121_104L;

  private PredictiveValidity() {}

  /** The measures with a bootstrap of {@code resamples} draws (0 for none). */
  public static ValidityReport measure(SplitData data, int resamples) {
    Sample sample = new Sample(data.users());
    Map<Predictor, double[]> measured = new EnumMap<>(Predictor.class);
    for (Predictor predictor : Predictor.values()) {
      measured.put(predictor, sample.measures(predictor, sample.wholeSample()));
    }
    List<ValidityReport.Row> rows = Arrays.stream(Predictor.values()).map(p -> ValidityReport.Row.of(p, measured.get(p))).toList();
    List<ValidityReport.Interval> intervals = new ArrayList<>();
    if (resamples > 0) {
      List<int[]> draws = sample.resamples(resamples);
      for (int measure = 0; measure < ValidityReport.MEASURES.size(); measure++) {
        int m = measure;
        Predictor best = Arrays.stream(Predictor.values()).filter(Predictor::isBaseline)
            .max(Comparator.comparingDouble(p -> measured.get(p)[m])).orElseThrow();
        double[] differences = draws.stream()
            .mapToDouble(copies -> sample.measure(Predictor.INFLUENCE_SCORE, copies, m) - sample.measure(best, copies, m))
            .filter(difference -> !Double.isNaN(difference))
            .sorted()
            .toArray();
        intervals.add(new ValidityReport.Interval(ValidityReport.MEASURES.get(m), best,
            measured.get(Predictor.INFLUENCE_SCORE)[m] - measured.get(best)[m],
            percentile(differences, 0.025), percentile(differences, 0.975), differences.length));
      }
    }
    long engagedAfter = data.users().stream().filter(user -> user.actorsAfter() > 0).count();
    long ranked = data.users().stream().filter(PredictiveValidity::isInSpearman).count();
    return new ValidityReport(data.split(), data.truthEnd(), data.users().size(), ranked, engagedAfter, data.rejectedLines(),
        rows, intervals, resamples);
  }

  private static boolean isInSpearman(UserAtSplit user) {
    return user.actorsRecently() >= MIN_ACTORS_FOR_SPEARMAN;
  }

  /** The value below which {@code fraction} of the sorted values lie (nearest rank); NaN for none. */
  private static double percentile(double[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The users, each predictor's order of them, and the ground truth's: everything a resample reuses. */
  private static final class Sample {
    private final int size;
    private final double[] truth;
    private final Order truthAscending;
    private final Order truthDescending;
    private final boolean[] inSpearman;
    private final Map<Predictor, Order> ascending = new EnumMap<>(Predictor.class);
    private final Map<Predictor, Order> descending = new EnumMap<>(Predictor.class);

    Sample(List<UserAtSplit> users) {
      size = users.size();
      truth = users.stream().mapToDouble(UserAtSplit::actorsAfter).toArray();
      truthAscending = Order.ascending(truth);
      truthDescending = Order.descending(truth);
      inSpearman = new boolean[size];
      for (int i = 0; i < size; i++) {
        inSpearman[i] = isInSpearman(users.get(i));
      }
      for (Predictor predictor : Predictor.values()) {
        double[] values = users.stream().mapToDouble(predictor::valueOf).toArray();
        ascending.put(predictor, Order.ascending(values));
        descending.put(predictor, Order.descending(values));
      }
    }

    int[] wholeSample() {
      int[] copies = new int[size];
      Arrays.fill(copies, 1);
      return copies;
    }

    /** Resamples of the users with replacement, as how many copies of each user each holds. */
    List<int[]> resamples(int count) {
      SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
      List<int[]> draws = new ArrayList<>(count);
      for (int draw = 0; draw < count; draw++) {
        int[] copies = new int[size];
        for (int i = 0; i < size; i++) {
          copies[random.nextInt(size)]++;
        }
        draws.add(copies);
      }
      return draws;
    }

    /** Spearman's ρ, then NDCG at each cut-off, in the order of {@link ValidityReport#MEASURES}. */
    double[] measures(Predictor predictor, int[] copies) {
      double[] values = new double[ValidityReport.MEASURES.size()];
      for (int m = 0; m < values.length; m++) {
        values[m] = measure(predictor, copies, m);
      }
      return values;
    }

    double measure(Predictor predictor, int[] copies, int measure) {
      if (measure == 0) {
        int[] ranked = copies.clone();
        for (int i = 0; i < size; i++) {
          if (!inSpearman[i]) {
            ranked[i] = 0;
          }
        }
        return RankCorrelation.spearman(ascending.get(predictor), truthAscending, ranked);
      }
      return Ndcg.atK(descending.get(predictor), truthDescending, truth, copies, CUTOFFS.get(measure - 1));
    }
  }
}
