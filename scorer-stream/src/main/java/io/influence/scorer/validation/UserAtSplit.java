package io.influence.scorer.validation;

/**
 * One user of a {@link TemporalSplit}: what was known of them at the split, and what happened after.
 *
 * @param score their influence score at the split
 * @param receivedBefore interactions they received from others before the split
 * @param decayedReceivedBefore the same interactions, each decayed to the split with the model's
 *     half-life: the count as the model's clock sees it, with no tie between users engaged at
 *     different times
 * @param actorsBefore distinct others who engaged them before the split
 * @param actorsAfter distinct others who engaged them after the split: the ground truth
 */
public record UserAtSplit(String userId, double score, long receivedBefore, double decayedReceivedBefore, long actorsBefore, long actorsAfter) {}
