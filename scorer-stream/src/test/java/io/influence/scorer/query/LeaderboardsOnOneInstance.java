package io.influence.scorer.query;

import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import java.util.List;

/** The leaderboards an API test serves: one instance holding the only partition, with no one else to ask. */
final class LeaderboardsOnOneInstance {
  private LeaderboardsOnOneInstance() {}

  static LeaderboardGatherer of(Leaderboards onlyPartition) {
    PartitionedLeaderboards held = new PartitionedLeaderboards();
    held.install(0, onlyPartition);
    return new LeaderboardGatherer(held, 1, List::of, null, null);
  }
}
