package io.influence.scorer.model;

/**
 * What one engagement did to its target's influence.
 *
 * @param outcome whether it counted toward influence
 * @param influence the raw influence it added, at its own time (0 unless {@link Outcome#SCORED})
 * @param reason why, for outcomes other than SCORED: a tag for metrics and dead letters
 */
public record Contribution(Outcome outcome, double influence, String reason) {

  public enum Outcome {
    /** Added influence. */
    SCORED,
    /** A POST: counted toward topics and activity, not influence. */
    ACTIVITY,
    /** A self-interaction: changed nothing. */
    IGNORED,
    /** An event id seen before: connectors redeliver, and a redelivery must not count twice. */
    DUPLICATE
  }

  static Contribution scored(double influence) {
    return new Contribution(Outcome.SCORED, influence, "none");
  }

  static Contribution activity() {
    return new Contribution(Outcome.ACTIVITY, 0, "activity");
  }

  static Contribution selfInteraction() {
    return new Contribution(Outcome.IGNORED, 0, "self-interaction");
  }

  static Contribution duplicate() {
    return new Contribution(Outcome.DUPLICATE, 0, "duplicate");
  }
}
