package io.influence.scorer.replay;

import io.influence.schema.InteractionEvent;
import io.influence.connector.EventSource;
import io.influence.connector.RejectedLine;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.model.TopicDictionary;
import io.influence.scorer.topology.Engagements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The same model as the stream, run offline over a file in one thread, without Kafka: a reference to
 * check the streaming path against, and a quick way to try model parameters on real data.
 */
public final class Recompute {
  private final InfluenceModel model;
  private final TopicDictionary topics;

  public Recompute(InfluenceModel model, TopicDictionary topics) {
    this.model = model;
    this.topics = topics;
  }

  /** Scores every event of {@code source}, then exports every user as of the last event. */
  public ReplaySummary run(EventSource source, Path export) {
    long started = System.nanoTime();
    AtomicLong rejected = new AtomicLong();
    AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    Map<Contribution.Outcome, Long> outcomes = new EnumMap<>(Contribution.Outcome.class);
    Consumer<RejectedLine> rejections = line -> rejected.incrementAndGet();
    try (Stream<InteractionEvent> events = source.events(rejections)) {
      events.forEach(event -> {
        latest.accumulateAndGet(event.getOccurredAt().toEpochMilli(), Math::max);
        Contribution contribution = model.apply(Engagements.fromUnlinkedEvent(event, Double.NaN, topics));
        outcomes.merge(contribution.outcome(), 1L, Long::sum);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
    long users;
    try (ScoreExportWriter writer = new ScoreExportWriter(export)) {
      model.forEachUser(latest.get(), writer::write);
      users = writer.written();
    }
    long scored = outcomes.getOrDefault(Contribution.Outcome.SCORED, 0L);
    long ignored = outcomes.getOrDefault(Contribution.Outcome.IGNORED, 0L) + outcomes.getOrDefault(Contribution.Outcome.ACTIVITY, 0L);
    long duplicates = outcomes.getOrDefault(Contribution.Outcome.DUPLICATE, 0L);
    return new ReplaySummary(scored + ignored + duplicates + rejected.get(), scored, rejected.get(), duplicates, ignored, users,
        (System.nanoTime() - started) / 1e9);
  }
}
