package io.influence.scorer.model;

import java.util.List;
import java.util.Objects;

/**
 * One interaction as the model sees it: identities already resolved to user ids.
 *
 * @param eventId the connector's id, used to explain a change
 * @param network lower-case network name
 * @param type what the actor did
 * @param actorId the user who acted
 * @param targetId the user acted upon; for {@link EngagementType#POST} the author, like the actor
 * @param topics normalised topic names of the content
 * @param occurredAtMillis event time
 * @param actorScore the actor's own score on the 1–100 scale when the event is weighed
 * @param actorSelectivity what the actor's day of likes and shares leaves this one worth, in (0, 1]
 *     (see {@link ActorActivity})
 */
public record Engagement(
    String eventId,
    String network,
    EngagementType type,
    String actorId,
    String targetId,
    List<String> topics,
    long occurredAtMillis,
    double actorScore,
    double actorSelectivity) {

  public Engagement {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(targetId, "targetId");
    topics = List.copyOf(topics);
  }

  public Engagement withActorScore(double score) {
    return new Engagement(eventId, network, type, actorId, targetId, topics, occurredAtMillis, score, actorSelectivity);
  }

  public Engagement withActorSelectivity(double selectivity) {
    return new Engagement(eventId, network, type, actorId, targetId, topics, occurredAtMillis, actorScore, selectivity);
  }

  /** Acting on oneself proves no influence (Klout ignored self-retweets), except posting, which is meant to be one's own. */
  public boolean isSelfInteraction() {
    return type != EngagementType.POST && actorId.equals(targetId);
  }
}
