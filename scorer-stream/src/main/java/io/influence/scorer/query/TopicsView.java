package io.influence.scorer.query;

import io.influence.scorer.leaderboard.Leaderboards.TopicSize;
import java.util.List;

/**
 * What {@code GET /v1/topics} returns: every topic with a leaderboard and how many users rank on it.
 *
 * @param partial true when some partitions could not be asked, as in {@link LeaderboardView}
 * @param missingPartitions the partitions left out, empty unless {@code partial}
 */
public record TopicsView(List<TopicSize> topics, boolean partial, List<Integer> missingPartitions) {}
