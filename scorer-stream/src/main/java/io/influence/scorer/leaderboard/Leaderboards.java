package io.influence.scorer.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The latest published score and topic scores of one partition's users, ordered for the leaderboards
 * ({@link PartitionedLeaderboards} holds one per partition scored here). Updating a user is O(log n)
 * per list they are on; the top {@code k} is read in O(k). Memory is one entry per user and per topic
 * of theirs (five by default), about 100 bytes each.
 *
 * <p>One thread writes (the stream thread of the partition's task); request threads read without
 * locks. A reader may miss a user whose entry is being replaced at that instant, never see them twice.
 */
public final class Leaderboards {
  /**
   * Highest score first; equal scores by user id, so the order is total and the same everywhere. Written
   * out rather than composed from {@code Comparator.comparingDouble(...).reversed().thenComparing(...)}:
   * it runs some twenty times per update, on the thread that reads every published score.
   */
  static final Comparator<Leader> ORDER = (a, b) -> {
    int byScore = Double.compare(b.score(), a.score());
    return byScore != 0 ? byScore : a.userId().compareTo(b.userId());
  };

  private final Map<String, Standing> standings = new ConcurrentHashMap<>();
  private final Set<Leader> global = new ConcurrentSkipListSet<>(ORDER);
  private final Map<String, Set<Leader>> byTopic = new ConcurrentHashMap<>();

  /** One place on a leaderboard: the user and their score (overall, or on the topic). */
  public record Leader(String userId, double score) {}

  /** What a user published: their score, and their score on each of their top topics. */
  public record Standing(double score, Map<String, Double> topicScores) {
    public Standing {
      topicScores = Map.copyOf(topicScores);
    }
  }

  /** Records {@code userId}'s latest publication, replacing the previous one; null removes the user (a tombstone). */
  public synchronized void update(String userId, Standing standing) {
    Standing previous = standing == null ? standings.remove(userId) : standings.put(userId, standing);
    if (previous != null) {
      global.remove(new Leader(userId, previous.score()));
      previous.topicScores().forEach((topic, score) -> {
        Set<Leader> leaders = byTopic.get(topic);
        leaders.remove(new Leader(userId, score));
        if (leaders.isEmpty()) {
          byTopic.remove(topic);
        }
      });
    }
    if (standing != null) {
      global.add(new Leader(userId, standing.score()));
      standing.topicScores().forEach((topic, score) ->
          byTopic.computeIfAbsent(topic, t -> new ConcurrentSkipListSet<>(ORDER)).add(new Leader(userId, score)));
    }
  }

  /** The {@code limit} highest scores, best first. */
  public List<Leader> top(int limit) {
    return first(global, limit);
  }

  /** The {@code limit} highest scores on {@code topic}, best first; empty if nobody has the topic among their top topics. */
  public Optional<List<Leader>> top(String topic, int limit) {
    Set<Leader> leaders = byTopic.get(topic);
    return leaders == null ? Optional.empty() : Optional.of(first(leaders, limit));
  }

  /** Every topic that has a leaderboard, with how many users rank on it; the most ranked first, then by name. */
  public List<TopicSize> topics() {
    Map<String, Integer> users = new HashMap<>();
    byTopic.forEach((topic, leaders) -> users.put(topic, leaders.size()));
    return PartitionedLeaderboards.sortedTopics(users);
  }

  /** A topic's leaderboard and how many users are on it. */
  public record TopicSize(String topic, int users) {}

  /** How many users have a published score. */
  public int size() {
    return standings.size();
  }

  private static List<Leader> first(Set<Leader> leaders, int limit) {
    List<Leader> top = new ArrayList<>(Math.min(limit, 128));
    for (Leader leader : leaders) {
      if (top.size() == limit) {
        break;
      }
      top.add(leader);
    }
    return top;
  }
}
