package io.influence.scorer.topology;

import io.influence.schema.UserScore;
import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.model.PublishedStanding;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Records every score on its way to the output topic, in the partition that made it: what is read back
 * of it ({@link PublishedStanding}) in {@link ScoringTopology#PUBLISHED_SCORES_STORE}, where the user's
 * engagements of others are weighed ({@link ActorScoreProcessor}), and on the partition's leaderboards.
 * A tombstone (an erasure) removes the user from both.
 *
 * <p>The leaderboards live in heap, so they are rebuilt from the restored store when the task starts
 * and dropped when it closes, as the partition moves between instances.
 */
final class PublishedScoresRecorder implements FixedKeyProcessor<String, UserScore, UserScore> {
  private final PartitionedLeaderboards leaderboards;
  private final Leaderboards partitionLeaderboards = new Leaderboards();
  private FixedKeyProcessorContext<String, UserScore> context;
  private KeyValueStore<String, PublishedStanding> store;

  PublishedScoresRecorder(PartitionedLeaderboards leaderboards) {
    this.leaderboards = leaderboards;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, UserScore> context) {
    this.context = context;
    store = context.getStateStore(ScoringTopology.PUBLISHED_SCORES_STORE);
    try (KeyValueIterator<String, PublishedStanding> standings = store.all()) {
      standings.forEachRemaining(entry -> partitionLeaderboards.update(entry.key, ranked(entry.value)));
    }
    leaderboards.install(context.taskId().partition(), partitionLeaderboards);
  }

  @Override
  public void process(FixedKeyRecord<String, UserScore> record) {
    if (record.value() == null) {
      store.delete(record.key());
      partitionLeaderboards.update(record.key(), null);
    } else {
      PublishedStanding standing = UserScores.standing(record.value());
      store.put(record.key(), standing);
      partitionLeaderboards.update(record.key(), ranked(standing));
    }
    context.forward(record);
  }

  @Override
  public void close() {
    leaderboards.drop(context.taskId().partition(), partitionLeaderboards);
  }

  private static Leaderboards.Standing ranked(PublishedStanding standing) {
    return new Leaderboards.Standing(standing.published().score(), standing.topicScores());
  }
}
