package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.TopicDictionary;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Turns an event into an engagement between users: its target's and its actor's accounts resolved
 * through the account-links global store where the event arrives. The actor's score is filled in
 * later, in the actor's partition ({@link ActorScoreProcessor}).
 */
final class IdentityResolver implements FixedKeyProcessor<String, InteractionEvent, Engagement> {
  private final TopicDictionary topics;
  private FixedKeyProcessorContext<String, Engagement> context;
  private ReadOnlyKeyValueStore<String, AccountLink> links;

  IdentityResolver(TopicDictionary topics) {
    this.topics = topics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Engagement> context) {
    this.context = context;
    this.links = context.getStateStore(ScoringTopology.ACCOUNT_LINKS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, InteractionEvent> record) {
    InteractionEvent event = record.value();
    String targetId = userId(event.getNetwork(), Engagements.targetAccount(event));
    String actorId = userId(event.getNetwork(), event.getActorAccount());
    context.forward(record.withValue(Engagements.fromEvent(event, targetId, actorId, Double.NaN, topics)));
  }

  private String userId(String network, String account) {
    return Identities.userId(network, account, Identities.linkOf(links, Identities.accountKey(network, account)));
  }
}
