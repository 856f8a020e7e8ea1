package io.influence.scorer.query;

import io.influence.scorer.leaderboard.Leaderboards;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaderboard as {@code GET /v1/leaders} and {@code GET /v1/topics/{topic}/leaders} return it.
 *
 * @param topic the topic ranked by, or null for the overall score
 * @param users how many users have a published score, all topics included, in the partitions answered
 * @param partial true when some partitions could not be asked (their instance is down or moving): the
 *     leaders are the best of the others
 * @param missingPartitions the partitions left out, empty unless {@code partial}
 */
public record LeaderboardView(String topic, int users, List<Place> leaders, boolean partial, List<Integer> missingPartitions) {

  /** @param score the user's score, or their score on the topic */
  public record Place(int rank, String userId, double score) {}

  static LeaderboardView of(String topic, int users, List<Leaderboards.Leader> leaders, List<Integer> missingPartitions) {
    List<Place> places = new ArrayList<>(leaders.size());
    for (Leaderboards.Leader leader : leaders) {
      places.add(new Place(places.size() + 1, leader.userId(), ApiFormat.score(leader.score())));
    }
    return new LeaderboardView(topic, users, places, !missingPartitions.isEmpty(), missingPartitions);
  }
}
