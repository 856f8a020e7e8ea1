package io.influence.scorer.model;

/**
 * How much more an interaction counts when the actor is influential: the multiplier is
 * {@code 2^((actorScore - priorScore) / pointsPerDoubling)}, so an actor at the prior counts 1, and
 * every {@code pointsPerDoubling} points above it double the weight.
 *
 * <p>This is a feedback loop (scores feed the weights that make scores), as in PageRank and Twitter's
 * TweepCred. It stays bounded because actor scores lie in [1, 100], so the multiplier lies in a fixed
 * range; it cannot oscillate or run away because a target's score moves by at most
 * {@code scale.pointsPerDoubling / pointsPerDoubling} points per point of its actors' scores, a
 * contraction whenever that ratio is below 1 (see docs/SCORING.md).
 *
 * @param enabled when false every actor counts 1 (the model then needs no scores of others)
 * @param priorScore the score assumed for an actor who has none yet
 */
public record ActorWeighting(boolean enabled, double priorScore, double pointsPerDoubling) {

  public ActorWeighting {
    if (!(pointsPerDoubling > 0)) {
      throw new IllegalArgumentException("actor pointsPerDoubling must be positive, got " + pointsPerDoubling);
    }
    if (priorScore < 1 || priorScore > 100) {
      throw new IllegalArgumentException("priorScore must lie in [1, 100], got " + priorScore);
    }
  }

  public double multiplier(double actorScore) {
    if (!enabled) {
      return 1.0;
    }
    double bounded = Math.max(1.0, Math.min(100.0, actorScore));
    return Math.pow(2, (bounded - priorScore) / pointsPerDoubling);
  }
}
