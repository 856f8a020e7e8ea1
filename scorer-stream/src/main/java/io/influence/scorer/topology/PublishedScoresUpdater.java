package io.influence.scorer.topology;

import io.influence.schema.UserScore;
import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.model.PublishedStanding;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link ScoringTopology#PUBLISHED_SCORES_STORE} global store, what is read back of every
 * user's latest published score ({@link PublishedStanding}, not the whole {@link UserScore}), and the
 * leaderboards that rank them. On start the leaderboards are rebuilt from the store, which Kafka Streams
 * has restored by then by passing the output topic through this processor again; updates replace a
 * user's entry, so reading a record twice leaves them the same.
 */
final class PublishedScoresUpdater implements Processor<String, UserScore, Void, Void> {
  private final Leaderboards leaderboards;
  private KeyValueStore<String, PublishedStanding> store;

  PublishedScoresUpdater(Leaderboards leaderboards) {
    this.leaderboards = leaderboards;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ScoringTopology.PUBLISHED_SCORES_STORE);
    try (KeyValueIterator<String, PublishedStanding> standings = store.all()) {
      standings.forEachRemaining(entry -> leaderboards.update(entry.key, ranked(entry.value)));
    }
  }

  @Override
  public void process(Record<String, UserScore> record) {
    if (record.value() == null) {
      store.delete(record.key());
      leaderboards.update(record.key(), null);
      return;
    }
    PublishedStanding standing = UserScores.standing(record.value());
    store.put(record.key(), standing);
    leaderboards.update(record.key(), ranked(standing));
  }

  private static Leaderboards.Standing ranked(PublishedStanding standing) {
    return new Leaderboards.Standing(standing.published().score(), standing.topicScores());
  }
}
