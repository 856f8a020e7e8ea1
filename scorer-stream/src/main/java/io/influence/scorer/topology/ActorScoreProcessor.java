package io.influence.scorer.topology;

import io.influence.scorer.model.ActorWeighting;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.PublishedStanding;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Stamps each engagement, in its actor's partition, with the actor's score at the start of the
 * engagement's day ({@link io.influence.scorer.model.PublishedScore#asSeenAt}), which weighs it where
 * the target is scored. The actor's scores are recorded in this same partition when they are published
 * ({@link PublishedScoresRecorder}): engagements are partitioned by actor here and by target there with
 * as many partitions and the same key, so one task holds a user both as actor and as target, and no
 * instance needs every user's score.
 */
final class ActorScoreProcessor implements FixedKeyProcessor<String, Engagement, Engagement> {
  private final ActorWeighting weighting;
  private FixedKeyProcessorContext<String, Engagement> context;
  private ReadOnlyKeyValueStore<String, PublishedStanding> publishedScores;

  ActorScoreProcessor(ActorWeighting weighting) {
    this.weighting = weighting;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Engagement> context) {
    this.context = context;
    this.publishedScores = context.getStateStore(ScoringTopology.PUBLISHED_SCORES_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Engagement> record) {
    Engagement engagement = record.value();
    double prior = weighting.priorScore();
    PublishedStanding published = publishedScores.get(engagement.actorId());
    double actorScore = published == null ? prior : published.published().asSeenAt(engagement.occurredAtMillis(), prior);
    context.forward(record.withValue(engagement.withActorScore(actorScore)));
  }
}
