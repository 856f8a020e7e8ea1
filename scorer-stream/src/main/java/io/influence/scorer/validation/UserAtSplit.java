package io.influence.scorer.validation;

/**
 * One user of a {@link TemporalSplit}: what was known of them at the split, and what happened after.
 * Every count is of interactions from others; "recent" is the {@link TemporalSplit#RECENT} before the split.
 *
 * @param score their influence score at the split
 * @param received interactions received before the split, all time
 * @param receivedRecently the same, in the recent window only
 * @param actors distinct others who engaged them before the split, all time
 * @param actorsRecently the same, in the recent window only
 * @param decayedWeek interactions received before the split, each decayed to it with a 7-day half-life
 * @param decayedMonth the same with a 35-day half-life
 * @param pageRank their weighted PageRank in the graph of the recent window's interactions
 * @param actorsAfter distinct others who engaged them from the split to the end of the horizon: the ground truth
 */
public record UserAtSplit(
    String userId,
    double score,
    long received,
    long receivedRecently,
    long actors,
    long actorsRecently,
    double decayedWeek,
    double decayedMonth,
    double pageRank,
    long actorsAfter) {}
