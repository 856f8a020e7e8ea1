package io.influence.scorer.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.scorer.leaderboard.Leaderboards.Leader;
import io.influence.scorer.leaderboard.Leaderboards.TopicSize;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.leaderboard.PartitionedLeaderboards.Ranking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the leaderboards from every instance: each ranks only the partitions it scores
 * ({@link PartitionedLeaderboards}), so the instance asked gathers the top {@code k} of every other
 * instance at once ({@code GET /v1/instances/local/leaders}) and keeps the best {@code k}, which is the
 * exact top {@code k}. Partitions that no instance answered for (one is down, or they are moving) are
 * named in the answer, which is then partial; when none answered, the leaderboards are unavailable.
 */
public final class LeaderboardGatherer {
  private static final Logger log = LoggerFactory.getLogger(LeaderboardGatherer.class);
  static final String LOCAL_LEADERS = "/v1/instances/local/leaders";
  static final String LOCAL_TOPICS = "/v1/instances/local/topics";

  private final PartitionedLeaderboards local;
  private final int partitions;
  private final Supplier<List<HostInfo>> otherInstances;
  private final RequestForwarder forwarder;
  private final ObjectMapper json;

  /** What one instance ranks: the partitions it scores and their topics. */
  public record LocalTopics(SortedSet<Integer> partitions, List<TopicSize> topics) {}

  /**
   * @param partitions how many partitions the users are spread over
   * @param otherInstances every other instance of the application, as the group's metadata knows them
   */
  public LeaderboardGatherer(PartitionedLeaderboards local, int partitions, Supplier<List<HostInfo>> otherInstances,
      RequestForwarder forwarder, ObjectMapper json) {
    this.local = local;
    this.partitions = partitions;
    this.otherInstances = otherInstances;
    this.forwarder = forwarder;
    this.json = json;
  }

  /**
   * The {@code limit} best overall, or on {@code topic} when it is not null, over every instance.
   *
   * @throws StoreUnavailableException when no partition's leaderboard could be read
   */
  public LeaderboardView leaders(String topic, int limit) {
    String query = LOCAL_LEADERS + "?limit=" + limit + (topic == null ? "" : "&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
    List<Ranking> rankings = gather(query, Ranking.class, () -> localLeaders(topic, limit));
    List<Leader> leaders = new ArrayList<>();
    int users = 0;
    for (Ranking ranking : rankings) {
      leaders.addAll(ranking.leaders());
      users += ranking.users();
    }
    return LeaderboardView.of(topic, users, PartitionedLeaderboards.best(leaders, limit), missing(rankings, Ranking::partitions));
  }

  /**
   * Every topic with a leaderboard over every instance, with how many users rank on it.
   *
   * @throws StoreUnavailableException when no partition's leaderboard could be read
   */
  public TopicsView topics() {
    List<LocalTopics> answers = gather(LOCAL_TOPICS, LocalTopics.class, this::localTopics);
    Map<String, Integer> users = new HashMap<>();
    answers.forEach(answer -> answer.topics().forEach(topic -> users.merge(topic.topic(), topic.users(), Integer::sum)));
    List<Integer> missing = missing(answers, LocalTopics::partitions);
    return new TopicsView(PartitionedLeaderboards.sortedTopics(users), !missing.isEmpty(), missing);
  }

  /** This instance's own top {@code limit}, overall or on {@code topic}. */
  public Ranking localLeaders(String topic, int limit) {
    return topic == null ? local.top(limit) : local.top(topic, limit);
  }

  public LocalTopics localTopics() {
    return new LocalTopics(local.partitions(), local.topics());
  }

  private <T> List<T> gather(String pathAndQuery, Class<T> type, Supplier<T> own) {
    List<CompletableFuture<Optional<T>>> asked = new ArrayList<>();
    for (HostInfo instance : otherInstances.get()) {
      asked.add(forwarder.getAsync(instance, pathAndQuery, RoutingHeaders.TO_ACTIVE)
          .thenApply(answer -> Optional.of(parse(answer.body(), type)))
          .exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            log.debug("{} left out of {}: {}", instance, pathAndQuery, cause.getMessage());
            return Optional.empty();
          }));
    }
    List<T> answers = new ArrayList<>();
    answers.add(own.get());
    // Each waits at most the forwarding timeout, and a failure is answered empty: join cannot hang or throw.
    asked.forEach(answer -> answer.join().ifPresent(answers::add));
    return answers;
  }

  private <T> T parse(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CompletionException(e);
    }
  }

  private <T> List<Integer> missing(List<T> answers, Function<T, SortedSet<Integer>> partitionsOf) {
    SortedSet<Integer> missing = new TreeSet<>();
    for (int partition = 0; partition < partitions; partition++) {
      missing.add(partition);
    }
    answers.forEach(answer -> missing.removeAll(partitionsOf.apply(answer)));
    if (missing.size() == partitions) {
      throw new StoreUnavailableException("no instance ranks any partition right now: the scorer is starting or rebalancing", null);
    }
    return List.copyOf(missing);
  }
}
