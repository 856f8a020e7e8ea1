package io.influence.scorer.topology;

import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.ActorActivity;
import io.influence.scorer.model.Engagement;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts each actor's likes and shares per day, in the actor's partition, and stamps every engagement
 * with what Klout's selectivity rule leaves it worth ({@link ActorActivity}). An actor's count is
 * deleted once its day and the late-event grace are over ({@link ExpiringStore}).
 */
final class ActorSelectivityProcessor implements FixedKeyProcessor<String, Engagement, Engagement> {
  private final double freeActions;
  private final Duration lateGrace;
  private final ScorerMetrics metrics;
  private ExpiringStore<String, ActorActivity> store;
  private FixedKeyProcessorContext<String, Engagement> context;

  ActorSelectivityProcessor(double freeActions, Duration lateGrace, ScorerMetrics metrics) {
    this.freeActions = freeActions;
    this.lateGrace = lateGrace;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Engagement> context) {
    this.context = context;
    this.store = ExpiringStore.open(context, ScoringTopology.ACTOR_ACTIVITY_STORE, ActorActivity::forgottenAtMillis, lateGrace, metrics);
  }

  @Override
  public void process(FixedKeyRecord<String, Engagement> record) {
    Engagement engagement = record.value();
    if (!ActorActivity.isCounted(engagement.type()) || engagement.isSelfInteraction()) {
      context.forward(record);
      return;
    }
    ActorActivity before = store.get(engagement.actorId());
    ActorActivity after = (before == null ? ActorActivity.none() : before).after(engagement.type(), engagement.occurredAtMillis());
    store.put(engagement.actorId(), after);
    context.forward(record.withValue(engagement.withActorSelectivity(after.selectivity(engagement.type(), freeActions))));
  }
}
