package io.influence.scorer.topology;

import io.influence.schema.ErasureRequest;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.PairHistory;
import io.influence.scorer.model.ScoredUser;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Forgets a user in the partition that scores them: their influence, the pair histories of everyone
 * who engaged them, their decay schedule and their daily history are deleted (each deletion a tombstone
 * in the store's changelog, so a restore does not bring them back). The request goes on, to become a
 * tombstone on the output topic, which removes them from every instance's published scores and
 * leaderboards and tells downstream consumers to forget them too, and to be recorded as applied.
 *
 * <p>What they did to others is not in this partition: their entries in other users' pair histories
 * fade with the pair half-life, and the queries hide them from others' explanations at once
 * ({@link ScoringTopology#ERASED_USERS_STORE}). docs/SECURITY.md lists what remains, and for how long.
 */
final class ErasureProcessor implements Processor<String, ErasureRequest, String, ErasureRequest> {
  private final ScorerMetrics metrics;
  private ProcessorContext<String, ErasureRequest> context;
  private KeyValueStore<String, ScoredUser> users;
  private KeyValueStore<String, PairHistory> pairs;
  private KeyValueStore<String, String> dueIndex;
  private WindowStore<String, DailyActivity> days;
  private KeyValueStore<String, Long> erasedTargets;

  ErasureProcessor(ScorerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ErasureRequest> context) {
    this.context = context;
    this.users = context.getStateStore(ScoringTopology.USER_INFLUENCE_STORE);
    this.pairs = context.getStateStore(ScoringTopology.PAIR_HISTORY_STORE);
    this.dueIndex = context.getStateStore(ScoringTopology.DECAY_DUE_STORE);
    this.days = context.getStateStore(ScoringTopology.DAILY_ACTIVITY_STORE);
    this.erasedTargets = context.getStateStore(ScoringTopology.ERASED_TARGETS_STORE);
  }

  @Override
  public void process(Record<String, ErasureRequest> record) {
    if (record.value() == null) {
      // The request was withdrawn: the user may be scored again, from nothing, everywhere.
      erasedTargets.delete(record.key());
      context.forward(record);
      return;
    }
    String userId = record.key();
    erasedTargets.put(userId, record.value().getRequestedAt().toEpochMilli());
    ScoredUser user = users.delete(userId);
    if (user != null && user.decayReviewMillis() != ScoredUser.NO_REVIEW) {
      dueIndex.delete(DecayReviewer.indexKey(user.decayReviewMillis(), userId));
    }
    deletePairsEngaging(userId);
    deleteDays(userId);
    context.forward(record);
    metrics.scoreUpdated("erasure");
  }

  /** The pair histories keyed under the user as target: {@code userId} then NUL ({@link ScoringTopology#pairKey}). */
  private void deletePairsEngaging(String userId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, PairHistory> range = pairs.range(userId + '\u0000', userId + '\u0001')) {
      range.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(pairs::delete);
  }

  private void deleteDays(String userId) {
    List<Long> windowStarts = new ArrayList<>();
    try (WindowStoreIterator<DailyActivity> windows = days.fetch(userId, 0L, Long.MAX_VALUE)) {
      windows.forEachRemaining((KeyValue<Long, DailyActivity> window) -> windowStarts.add(window.key));
    }
    windowStarts.forEach(start -> days.put(userId, null, start));
  }
}
