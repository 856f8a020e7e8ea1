package io.influence.scorer.topology;

import io.influence.schema.UserScore;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.UserInfluence;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each engagement to its target's influence, keeps the state in {@link ScoringTopology#USER_INFLUENCE_STORE},
 * and publishes the target's score when it changed enough.
 */
final class ScoringProcessor implements Processor<String, Engagement, String, UserScore> {
  private final InfluenceParameters parameters;
  private final double minScoreChange;
  private final ScorerMetrics metrics;
  private KeyValueStore<String, UserInfluence.State> store;
  private ProcessorContext<String, UserScore> context;

  ScoringProcessor(InfluenceParameters parameters, double minScoreChange, ScorerMetrics metrics) {
    this.parameters = parameters;
    this.minScoreChange = minScoreChange;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, UserScore> context) {
    this.context = context;
    this.store = context.getStateStore(ScoringTopology.USER_INFLUENCE_STORE);
  }

  @Override
  public void process(Record<String, Engagement> record) {
    Engagement engagement = record.value();
    UserInfluence.State stored = store.get(engagement.targetId());
    UserInfluence user = stored == null ? UserInfluence.newUser(engagement.targetId()) : UserInfluence.restore(stored);

    Contribution contribution = user.receive(engagement, parameters);
    switch (contribution.outcome()) {
      case IGNORED -> {
        metrics.eventOutcome(EventOutcome.IGNORED, "self-interaction");
        return;
      }
      case ACTIVITY -> metrics.eventOutcome(EventOutcome.IGNORED, "activity");
      case SCORED -> metrics.eventOutcome(EventOutcome.SCORED, "none");
    }
    // A late event is folded in at its own time, but the score stays as of the latest event seen.
    InfluenceSnapshot snapshot = user.snapshotAt(user.latestEventMillis(), parameters);
    if (user.isWorthPublishing(snapshot, minScoreChange)) {
      double previous = user.markPublished(snapshot);
      context.forward(record.withKey(user.userId())
          .withValue(UserScores.fromEvent(snapshot, previous, engagement, contribution))
          .withTimestamp(snapshot.asOfMillis()));
      metrics.scoreUpdatedByEvent(engagement.network(), snapshot.asOfMillis());
    }
    store.put(user.userId(), user.state());
  }
}
