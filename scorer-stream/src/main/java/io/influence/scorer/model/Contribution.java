package io.influence.scorer.model;

/**
 * What one engagement did to its target's influence.
 *
 * @param outcome whether it counted toward influence
 * @param influence the raw influence it added, at its own time (0 unless {@link Outcome#SCORED})
 */
public record Contribution(Outcome outcome, double influence) {

  public enum Outcome {
    /** Added influence. */
    SCORED,
    /** A POST: counted toward topics and activity, not influence. */
    ACTIVITY,
    /** A self-interaction: changed nothing. */
    IGNORED
  }

  static Contribution scored(double influence) {
    return new Contribution(Outcome.SCORED, influence);
  }

  static Contribution activity() {
    return new Contribution(Outcome.ACTIVITY, 0);
  }

  static Contribution ignored() {
    return new Contribution(Outcome.IGNORED, 0);
  }
}
