package io.influence.scorer.leaderboard;

import io.influence.scorer.leaderboard.Leaderboards.Leader;
import io.influence.scorer.leaderboard.Leaderboards.TopicSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leaderboards of the partitions this instance scores: one {@link Leaderboards} per partition,
 * installed when the partition's task starts (built from its restored store) and dropped when the task
 * leaves, so that an instance ranks only the users it holds.
 *
 * <p>A partition's top {@code k} holds every user of that partition who could be in the overall top
 * {@code k}, so the best {@code k} of the tops of every partition is the exact overall top {@code k}:
 * across partitions here, and across instances in {@code query.LeaderboardGatherer}.
 */
public final class PartitionedLeaderboards {
  private final Map<Integer, Leaderboards> byPartition = new ConcurrentHashMap<>();

  /** Some partitions' leaders, best first, with the partitions they cover and how many users those hold. */
  public record Ranking(SortedSet<Integer> partitions, int users, List<Leader> leaders) {}

  /** Starts ranking {@code partition} with {@code leaderboards}, replacing what was ranked for it before. */
  public void install(int partition, Leaderboards leaderboards) {
    byPartition.put(partition, leaderboards);
  }

  /** Stops ranking {@code partition}, unless it has been installed again since with other leaderboards. */
  public void drop(int partition, Leaderboards installed) {
    byPartition.remove(partition, installed);
  }

  /** The {@code limit} highest scores of the partitions held, best first. */
  public Ranking top(int limit) {
    Map<Integer, Leaderboards> held = Map.copyOf(byPartition);
    List<Leader> leaders = new ArrayList<>();
    held.values().forEach(partition -> leaders.addAll(partition.top(limit)));
    return new Ranking(new TreeSet<>(held.keySet()), users(held), best(leaders, limit));
  }

  /** The {@code limit} highest scores on {@code topic} of the partitions held, best first; empty when nobody held has the topic. */
  public Ranking top(String topic, int limit) {
    Map<Integer, Leaderboards> held = Map.copyOf(byPartition);
    List<Leader> leaders = new ArrayList<>();
    held.values().forEach(partition -> partition.top(topic, limit).ifPresent(leaders::addAll));
    return new Ranking(new TreeSet<>(held.keySet()), users(held), best(leaders, limit));
  }

  /** Every topic ranked in the partitions held, with how many of their users rank on it; the most ranked first, then by name. */
  public List<TopicSize> topics() {
    Map<String, Integer> users = new HashMap<>();
    byPartition.values().forEach(partition ->
        partition.topics().forEach(topic -> users.merge(topic.topic(), topic.users(), Integer::sum)));
    return sortedTopics(users);
  }

  /** The partitions ranked here. */
  public SortedSet<Integer> partitions() {
    return new TreeSet<>(byPartition.keySet());
  }

  /** How many users the partitions held have with a published score. */
  public int size() {
    return users(byPartition);
  }

  /**
   * The {@code limit} best of {@code leaders}, each user once: rankings gathered while a partition moves
   * between instances may both hold it, and the same user must not take two places.
   */
  public static List<Leader> best(List<Leader> leaders, int limit) {
    List<Leader> sorted = new ArrayList<>(leaders);
    sorted.sort(Leaderboards.ORDER);
    List<Leader> best = new ArrayList<>(Math.min(limit, sorted.size()));
    Set<String> placed = new HashSet<>();
    for (Leader leader : sorted) {
      if (best.size() == limit) {
        break;
      }
      if (placed.add(leader.userId())) {
        best.add(leader);
      }
    }
    return best;
  }

  /** Topics by how many users rank on them, most first, then by name. */
  public static List<TopicSize> sortedTopics(Map<String, Integer> usersByTopic) {
    List<TopicSize> topics = new ArrayList<>();
    usersByTopic.forEach((topic, users) -> topics.add(new TopicSize(topic, users)));
    topics.sort(Comparator.comparingInt(TopicSize::users).reversed().thenComparing(TopicSize::topic));
    return topics;
  }

  private static int users(Map<Integer, Leaderboards> partitions) {
    return partitions.values().stream().mapToInt(Leaderboards::size).sum();
  }
}
