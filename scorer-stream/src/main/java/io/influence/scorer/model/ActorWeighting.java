package io.influence.scorer.model;

/**
 * How much an interaction counts for who made it: the multiplier is
 * {@code 2^((actorScore - referenceScore) / pointsPerDoubling)}. An actor at the reference score (a
 * typical mid-range user) counts 1; every {@code pointsPerDoubling} points above it double the weight,
 * every as many below halve it. A 90 mentioning you thus lifts you 2^(80/10) = 256 times as much as
 * a 10 does.
 *
 * <p>This is a feedback loop (scores feed the weights that make scores), as in PageRank and Twitter's
 * TweepCred. It is bounded because actor scores lie in [1, 100], so the multiplier lies in a fixed
 * range. It cannot run away or oscillate: a target's score is {@code scale.pointsPerDoubling · log2}
 * of a sum of such multipliers, so it moves by at most {@code scale.pointsPerDoubling / pointsPerDoubling}
 * points per point of its actors' scores; below 1 (default 5/10) that map is a contraction and
 * iterating it converges to one fixed point (Banach). See docs/SCORING.md.
 *
 * @param enabled when false every actor counts 1 (scores then need no one else's score)
 * @param priorScore the score assumed for an actor who has none yet: fresh accounts count little,
 *     which is what makes rings of new accounts cheap to ignore
 * @param referenceScore the actor score that counts 1
 */
public record ActorWeighting(boolean enabled, double priorScore, double referenceScore, double pointsPerDoubling) {

  public ActorWeighting {
    if (!(pointsPerDoubling > 0)) {
      throw new IllegalArgumentException("actor pointsPerDoubling must be positive, got " + pointsPerDoubling);
    }
    if (priorScore < 1 || priorScore > 100 || referenceScore < 1 || referenceScore > 100) {
      throw new IllegalArgumentException("prior and reference scores must lie in [1, 100], got " + priorScore + " and " + referenceScore);
    }
  }

  public double multiplier(double actorScore) {
    if (!enabled) {
      return 1.0;
    }
    double bounded = Math.max(1.0, Math.min(100.0, actorScore));
    return Math.pow(2, (bounded - referenceScore) / pointsPerDoubling);
  }

  public ActorWeighting withEnabled(boolean on) {
    return new ActorWeighting(on, priorScore, referenceScore, pointsPerDoubling);
  }
}
