package io.influence.scorer.validation;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.connector.EventSource;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.model.TopicDictionary;
import io.influence.scorer.topology.Engagements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Splits a source of interactions at an instant: the model learns from what came before and scores
 * everyone at the split; what came after, until the source ends, is the ground truth it is judged by.
 * The usual out-of-time validation of a predictive score (as in credit scoring): nothing after the
 * split can leak into the score.
 *
 * <p>Self-interactions count nowhere, as in the model. A user is judged if somebody else engaged them
 * before the split: a user with no history has nothing to be ranked on, by the score or a count.
 */
public final class TemporalSplit {
  private final InfluenceModel model;
  private final TopicDictionary topics;
  private final Instant split;

  /**
   * @param model a fresh model: it will learn from the events before {@code split}
   * @param topics finds the topics of untagged content, as in {@code recompute}
   */
  public TemporalSplit(InfluenceModel model, TopicDictionary topics, Instant split) {
    this.model = model;
    this.topics = topics;
    this.split = split;
  }

  /** Reads {@code source} once, in order. */
  public SplitData run(EventSource source) {
    long splitMillis = split.toEpochMilli();
    Map<String, Long> received = new HashMap<>();
    Map<String, Double> decayedReceived = new HashMap<>();
    Map<String, Set<String>> actorsBefore = new HashMap<>();
    Map<String, Set<String>> actorsAfter = new HashMap<>();
    AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    AtomicLong rejected = new AtomicLong();
    try (Stream<InteractionEvent> events = source.events(line -> rejected.incrementAndGet())) {
      events.forEach(event -> {
        Engagement engagement = Engagements.fromUnlinkedEvent(event, Double.NaN, topics);
        long at = engagement.occurredAtMillis();
        latest.accumulateAndGet(at, Math::max);
        // A POST has its author as target, so this also leaves posts out of both counts.
        boolean fromOther = !engagement.actorId().equals(engagement.targetId());
        if (at >= splitMillis) {
          if (fromOther) {
            actorsAfter.computeIfAbsent(engagement.targetId(), id -> new HashSet<>()).add(engagement.actorId());
          }
        } else if (model.apply(engagement).outcome() != Contribution.Outcome.DUPLICATE && fromOther) {
          received.merge(engagement.targetId(), 1L, Long::sum);
          decayedReceived.merge(engagement.targetId(), model.parameters().halfLife().decayOver(splitMillis - at), Double::sum);
          actorsBefore.computeIfAbsent(engagement.targetId(), id -> new HashSet<>()).add(engagement.actorId());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
    List<UserAtSplit> users = new ArrayList<>(received.size());
    received.forEach((userId, count) -> users.add(new UserAtSplit(userId, model.scoreAt(userId, splitMillis), count,
        decayedReceived.get(userId), actorsBefore.get(userId).size(), actorsAfter.getOrDefault(userId, Set.of()).size())));
    Instant lastEvent = latest.get() == Long.MIN_VALUE ? split : Instant.ofEpochMilli(latest.get());
    return new SplitData(split, lastEvent, rejected.get(), users);
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

  /**
   * What a split yields.
   *
   * @param lastEvent the latest event time read: the ground truth runs from the split to here
   * @param rejectedLines lines of the source that were not valid events
   * @param users everyone engaged by somebody else before the split, in no particular order
   */
  public record SplitData(Instant split, Instant lastEvent, long rejectedLines, List<UserAtSplit> users) {
    public SplitData {
      users = List.copyOf(users);
    }
  }
}
