package io.influence.scorer.validation;

import io.influence.schema.InteractionEvent;
import io.influence.connector.EventSource;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.HalfLife;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.model.TopicDictionary;
import io.influence.scorer.topology.Engagements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Splits a source of interactions at an instant: the model learns from what came before and scores
 * everyone at the split; what came after, up to the horizon, is the ground truth it is judged by. The
 * usual out-of-time validation of a predictive score (as in credit scoring): nothing after the split
 * can leak into the score or into any baseline.
 *
 * <p>A user is judged if somebody else engaged them in the {@link #RECENT} window before the split:
 * somebody still around, whom a product would rank. Self-interactions count nowhere, as in the model.
 */
public final class TemporalSplit {
  /** The window that decides who is judged, and that the windowed baselines count over. */
  public static final Duration RECENT = Duration.ofDays(90);
  private static final HalfLife WEEK = new HalfLife(Duration.ofDays(7));
  private static final HalfLife MONTH = new HalfLife(Duration.ofDays(35));

  private final InfluenceModel model;
  private final TopicDictionary topics;
  private final Instant split;
  private final Optional<Duration> horizon;

  /**
   * @param model a fresh model: it will learn from the events before {@code split}
   * @param topics finds the topics of untagged content, as in {@code recompute}
   * @param horizon how long after the split the ground truth runs; empty for "until the source ends"
   */
  public TemporalSplit(InfluenceModel model, TopicDictionary topics, Instant split, Optional<Duration> horizon) {
    this.model = model;
    this.topics = topics;
    this.split = split;
    this.horizon = horizon;
  }

  /** Reads {@code source} once, in order. */
  public SplitData run(EventSource source) {
    long splitMillis = split.toEpochMilli();
    long recentFrom = splitMillis - RECENT.toMillis();
    long horizonEnd = horizon.map(length -> splitMillis + length.toMillis()).orElse(Long.MAX_VALUE);
    Map<String, Before> before = new HashMap<>();
    Map<String, Set<String>> actorsAfter = new HashMap<>();
    PageRank recentGraph = new PageRank();
    AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    AtomicLong rejected = new AtomicLong();
    try (Stream<InteractionEvent> events = source.events(line -> rejected.incrementAndGet())) {
      events.forEach(event -> {
        Engagement engagement = Engagements.fromUnlinkedEvent(event, Double.NaN, topics);
        long at = engagement.occurredAtMillis();
        if (at >= horizonEnd) {
          return;
        }
        latest.accumulateAndGet(at, Math::max);
        // A POST has its author as target, so this also leaves posts out of every count.
        boolean fromOther = !engagement.actorId().equals(engagement.targetId());
        if (at >= splitMillis) {
          if (fromOther) {
            actorsAfter.computeIfAbsent(engagement.targetId(), id -> new HashSet<>()).add(engagement.actorId());
          }
        } else if (model.apply(engagement).outcome() != Contribution.Outcome.DUPLICATE && fromOther) {
          boolean recent = at >= recentFrom;
          before.computeIfAbsent(engagement.targetId(), id -> new Before()).add(engagement.actorId(), splitMillis - at, recent);
          if (recent) {
            recentGraph.addEdge(engagement.actorId(), engagement.targetId(), 1.0);
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
    Map<String, Double> pageRanks = recentGraph.ranks();
    List<UserAtSplit> users = new ArrayList<>();
    before.forEach((userId, known) -> {
      if (known.receivedRecently > 0) {
        users.add(new UserAtSplit(userId, model.scoreAt(userId, splitMillis), known.received, known.receivedRecently,
            known.actors.size(), known.actorsRecently.size(), known.decayedWeek, known.decayedMonth,
            pageRanks.getOrDefault(userId, 0.0), actorsAfter.getOrDefault(userId, Set.of()).size()));
      }
    });
    Instant truthEnd = horizon.map(split::plus)
        .orElse(latest.get() == Long.MIN_VALUE ? split : Instant.ofEpochMilli(latest.get()));
    return new SplitData(split, truthEnd, rejected.get(), users);
  }

  /** The time half the source's events come before: a split that leaves as much to learn from as to judge by. */
  public static Instant medianEventTime(EventSource source) {
    long[] times;
    try (Stream<InteractionEvent> events = source.events(line -> { })) {
      times = events.mapToLong(event -> event.getOccurredAt().toEpochMilli()).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
    if (times.length == 0) {
      throw new IllegalArgumentException(source.name() + " holds no event to split");
    }
    Arrays.sort(times);
    return Instant.ofEpochMilli(times[times.length / 2]);
  }

  /** What is known of one user before the split. */
  private static final class Before {
    private long received;
    private long receivedRecently;
    private final Set<String> actors = new HashSet<>();
    private final Set<String> actorsRecently = new HashSet<>();
    private double decayedWeek;
    private double decayedMonth;

    void add(String actor, long ageMillis, boolean recent) {
      received++;
      actors.add(actor);
      decayedWeek += WEEK.decayOver(ageMillis);
      decayedMonth += MONTH.decayOver(ageMillis);
      if (recent) {
        receivedRecently++;
        actorsRecently.add(actor);
      }
    }
  }

  /**
   * What a split yields.
   *
   * @param truthEnd where the ground truth stops: the horizon, or the latest event read
   * @param rejectedLines lines of the source that were not valid events
   * @param users everyone judged, in no particular order
   */
  public record SplitData(Instant split, Instant truthEnd, long rejectedLines, List<UserAtSplit> users) {
    public SplitData {
      users = List.copyOf(users);
    }
  }
}
