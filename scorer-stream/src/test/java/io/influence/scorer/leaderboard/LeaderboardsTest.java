package io.influence.scorer.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.leaderboard.Leaderboards.Leader;
import io.influence.scorer.leaderboard.Leaderboards.Standing;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeaderboardsTest {
  private static final List<String> TOPICS = List.of("cooking", "travel", "business", "parenting", "physics");

  private final Leaderboards leaderboards = new Leaderboards();

  @Test
  void theTopIsTheHighestScoresWithTiesInUserIdOrder() {
    leaderboards.update("b", new Standing(50, Map.of()));
    leaderboards.update("a", new Standing(50, Map.of()));
    leaderboards.update("c", new Standing(70, Map.of()));
    leaderboards.update("d", new Standing(10, Map.of()));

    assertThat(leaderboards.top(3)).containsExactly(new Leader("c", 70), new Leader("a", 50), new Leader("b", 50));
    assertThat(leaderboards.size()).isEqualTo(4);
  }

  @Test
  void theTopicsAreThoseSomeoneRanksOnMostRankedFirst() {
    leaderboards.update("a", new Standing(50, Map.of("cooking", 40.0, "travel", 10.0)));
    leaderboards.update("b", new Standing(30, Map.of("travel", 20.0)));
    leaderboards.update("c", new Standing(30, Map.of("business", 20.0)));

    assertThat(leaderboards.topics()).containsExactly(new Leaderboards.TopicSize("travel", 2),
        new Leaderboards.TopicSize("business", 1), new Leaderboards.TopicSize("cooking", 1));

    leaderboards.update("c", null);
    assertThat(leaderboards.topics()).extracting(Leaderboards.TopicSize::topic).containsExactly("travel", "cooking");
  }

  @Test
  void aNewScoreReplacesTheUsersPlaceAndATombstoneRemovesThem() {
    leaderboards.update("a", new Standing(50, Map.of("cooking", 40.0)));
    leaderboards.update("a", new Standing(20, Map.of("travel", 30.0)));

    assertThat(leaderboards.top(10)).containsExactly(new Leader("a", 20));
    assertThat(leaderboards.top("cooking", 10)).isEmpty();
    assertThat(leaderboards.top("travel", 10)).contains(List.of(new Leader("a", 30)));

    leaderboards.update("a", null);
    assertThat(leaderboards.top(10)).isEmpty();
    assertThat(leaderboards.top("travel", 10)).isEmpty();
    assertThat(leaderboards.size()).isZero();
  }

  @Test
  void afterAnySequenceOfUpdatesEveryLeaderboardEqualsSortingEveryUser() {
    Random random = new Random(20261126);
    Map<String, Standing> latest = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String userId = "u" + random.nextInt(2_000);
      Standing standing = random.nextInt(50) == 0 ? null : randomStanding(random);
      leaderboards.update(userId, standing);
      if (standing == null) {
        latest.remove(userId);
      } else {
        latest.put(userId, standing);
      }
    }

    assertThat(leaderboards.size()).isEqualTo(latest.size());
    assertThat(leaderboards.top(100)).isEqualTo(bruteForce(latest, null, 100));
    for (String topic : TOPICS) {
      assertThat(leaderboards.top(topic, 100)).contains(bruteForce(latest, topic, 100));
    }
  }

  private static Standing randomStanding(Random random) {
    Map<String, Double> topics = new HashMap<>();
    for (String topic : TOPICS) {
      if (random.nextBoolean()) {
        // Few distinct values, so that ties are common.
        topics.put(topic, 1 + random.nextInt(20) * 4.5);
      }
    }
    return new Standing(1 + random.nextInt(40) * 2.25, topics);
  }

  private static List<Leader> bruteForce(Map<String, Standing> latest, String topic, int limit) {
    return latest.entrySet().stream()
        .filter(e -> topic == null || e.getValue().topicScores().containsKey(topic))
        .map(e -> new Leader(e.getKey(), topic == null ? e.getValue().score() : e.getValue().topicScores().get(topic)))
        .sorted(Comparator.comparingDouble(Leader::score).reversed().thenComparing(Leader::userId))
        .limit(limit)
        .toList();
  }
}
