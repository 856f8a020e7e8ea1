package io.influence.scorer.validation;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** A way to rank users at the split, judged by how well it foretells who is engaged after it. */
public enum Predictor {
  /** What the model claims: its score at the split. */
  INFLUENCE_SCORE("influence score", UserAtSplit::score),
  /** The naive baseline the score must beat: interactions received, all counted alike. */
  RECEIVED_COUNT("interactions received", UserAtSplit::receivedBefore),
  /**
   * A reference that isolates what ties do: the raw count with each interaction decayed to the split
   * as the score's level is. It orders users as the count does, except that users with equal counts
   * are no longer tied (the more recently engaged comes first). Spearman's ρ gives tied values their
   * average rank, which favours a coarse predictor such as a count over any continuous score; this
   * row shows how much of the count's lead over the score is that.
   */
  DECAYED_COUNT("decayed count (reference)", UserAtSplit::decayedReceivedBefore),
  /**
   * A stronger baseline, for reference: distinct actors before the split, the very quantity the
   * ground truth counts after it, so a score that loses to it still has something to learn.
   */
  DISTINCT_ACTORS("distinct actors (reference)", UserAtSplit::actorsBefore);

  private final String label;
  private final ToDoubleFunction<UserAtSplit> value;

  Predictor(String label, ToDoubleFunction<UserAtSplit> value) {
    this.label = label;
    this.value = value;
  }

  public String label() {
    return label;
  }

  public double valueOf(UserAtSplit user) {
    return value.applyAsDouble(user);
  }

  /** Highest value first; ties by user id, so the order never depends on how users were collected. */
  public Comparator<UserAtSplit> ranking() {
    return Comparator.comparingDouble(value).reversed().thenComparing(UserAtSplit::userId);
  }
}
