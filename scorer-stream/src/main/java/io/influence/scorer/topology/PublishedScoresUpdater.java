package io.influence.scorer.topology;

import io.influence.schema.TopicScore;
import io.influence.schema.UserScore;
import io.influence.scorer.leaderboard.Leaderboards;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the {@link ScoringTopology#PUBLISHED_SCORES_STORE} global store, every user's latest published
 * score, and the leaderboards that rank them. On start the leaderboards are rebuilt from the store,
 * which Kafka Streams has restored from the output topic by then; updates replace a user's entry, so
 * reading a record twice leaves them the same.
 */
final class PublishedScoresUpdater implements Processor<String, UserScore, Void, Void> {
  private final Leaderboards leaderboards;
  private TimestampedKeyValueStore<String, UserScore> store;

  PublishedScoresUpdater(Leaderboards leaderboards) {
    this.leaderboards = leaderboards;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ScoringTopology.PUBLISHED_SCORES_STORE);
    try (KeyValueIterator<String, ValueAndTimestamp<UserScore>> scores = store.all()) {
      scores.forEachRemaining(entry -> leaderboards.update(entry.key, standing(entry.value.value())));
    }
  }

  @Override
  public void process(Record<String, UserScore> record) {
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
    }
    leaderboards.update(record.key(), standing(record.value()));
  }

  private static Leaderboards.Standing standing(UserScore score) {
    if (score == null) {
      return null;
    }
    Map<String, Double> topicScores = new HashMap<>();
    for (TopicScore topic : score.getTopics()) {
      topicScores.put(topic.getTopic(), topic.getScore());
    }
    return new Leaderboards.Standing(score.getScore(), topicScores);
  }
}
