package io.influence.scorer.model;

/**
 * Klout's actor selectivity: the more an actor likes or shares in one (UTC) day, the less each of
 * those actions counts. The first {@code freeActions} likes and shares of a day count fully; the
 * k-th after them counts {@code (freeActions / k)²}, so however many an actor makes, a day of them is
 * worth less than {@code 2 · freeActions}: ten thousand likes are worth no more than twenty.
 * (A factor of {@code freeActions / k} would let a day be worth {@code freeActions · ln(N)}, which a
 * ring of accounts spraying likes at each other can still farm.)
 *
 * <p>Immutable: one actor's activity, as of the day of its latest like or share.
 *
 * @param dayIndex days since the epoch (UTC) of the counted actions
 * @param actions likes and shares counted on that day
 */
public record ActorActivity(long dayIndex, long actions) {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  public static ActorActivity none() {
    return new ActorActivity(Long.MIN_VALUE, 0);
  }

  /** Whether Klout's rule applies to this kind of action: the cheap, repeatable ones. */
  public static boolean isCounted(EngagementType type) {
    return type == EngagementType.LIKE || type == EngagementType.SHARE;
  }

  /** The activity after one more action of {@code type} at {@code atMillis}. */
  public ActorActivity after(EngagementType type, long atMillis) {
    if (!isCounted(type)) {
      return this;
    }
    long day = Math.floorDiv(atMillis, MILLIS_PER_DAY);
    // An action from an earlier day arriving late is counted against the current day, which only
    // ever makes it count less: late floods cannot escape the rule.
    return day > dayIndex ? new ActorActivity(day, 1) : new ActorActivity(dayIndex, actions + 1);
  }

  /**
   * From this time on the activity affects no action: the next one starts a new day. A store may forget
   * it then (once no late action can still arrive before it).
   */
  public long forgottenAtMillis() {
    return (dayIndex + 1) * MILLIS_PER_DAY;
  }

  /** What the latest counted action is worth, between 0 and 1; 1 for actions the rule does not count. */
  public double selectivity(EngagementType type, double freeActions) {
    if (!isCounted(type) || actions <= freeActions) {
      return 1.0;
    }
    double share = freeActions / actions;
    return share * share;
  }
}
