package io.influence.scorer.validation;

import java.util.function.ToDoubleFunction;

/**
 * A way to rank users at the split, judged by how well it foretells who is engaged after it: the
 * score, and the baselines it must beat. Each baseline is something simple a user could compute
 * instead of trusting the score.
 */
public enum Predictor {
  /** What the model claims: its score at the split. */
  INFLUENCE_SCORE("influence score", UserAtSplit::score),
  /** Counting, the naive baseline: every interaction alike, since the beginning. */
  RECEIVED("received, all time", UserAtSplit::received),
  /** Counting within a window, as the first model did. */
  RECEIVED_RECENTLY("received, 90 days", UserAtSplit::receivedRecently),
  /** Distinct actors, the very quantity the ground truth counts after the split. */
  ACTORS("distinct actors, all time", UserAtSplit::actors),
  ACTORS_RECENTLY("distinct actors, 90 days", UserAtSplit::actorsRecently),
  /** A count that forgets in weeks: momentum alone. */
  DECAYED_WEEK("decayed count, 7 d", UserAtSplit::decayedWeek),
  /** A count that forgets in months. */
  DECAYED_MONTH("decayed count, 35 d", UserAtSplit::decayedMonth),
  /** Who engages you, weighted by who engages them: actor weighting alone, the textbook way. */
  PAGE_RANK("PageRank, 90 days", UserAtSplit::pageRank);

  private final String label;
  private final ToDoubleFunction<UserAtSplit> value;

  Predictor(String label, ToDoubleFunction<UserAtSplit> value) {
    this.label = label;
    this.value = value;
  }

  public String label() {
    return label;
  }

  public boolean isBaseline() {
    return this != INFLUENCE_SCORE;
  }

  public double valueOf(UserAtSplit user) {
    return value.applyAsDouble(user);
  }
}
