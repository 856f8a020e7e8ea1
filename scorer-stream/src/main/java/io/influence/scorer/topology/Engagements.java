package io.influence.scorer.topology;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.TopicDictionary;
import java.util.Locale;

/** Reads the contract's {@link InteractionEvent} as the model's {@link Engagement}. */
public final class Engagements {
  private Engagements() {}

  /**
   * The engagement an event stands for, once its target and actor are resolved to user ids: its
   * topics are its tags, or what {@code topics} finds in its text. Its selectivity is 1 until the
   * actor's stage has counted it.
   */
  public static Engagement fromEvent(InteractionEvent event, String targetId, String actorId, double actorScore,
      TopicDictionary topics) {
    return new Engagement(
        event.getEventId(),
        event.getNetwork().strip().toLowerCase(Locale.ROOT),
        EngagementType.valueOf(event.getType().name()),
        actorId,
        targetId,
        topics.topicsOf(event.getTopics(), event.getText()),
        event.getOccurredAt().toEpochMilli(),
        actorScore,
        1.0);
  }

  /** The same, for an event whose accounts nobody linked: {@code recompute}, which has no account links. */
  public static Engagement fromUnlinkedEvent(InteractionEvent event, double actorScore, TopicDictionary topics) {
    return fromEvent(event,
        Identities.userId(event.getNetwork(), targetAccount(event), null),
        Identities.userId(event.getNetwork(), event.getActorAccount(), null),
        actorScore,
        topics);
  }

  /** A POST has no target: its author is the one whose topics it feeds. */
  public static String targetAccount(InteractionEvent event) {
    return event.getType() == InteractionType.POST ? event.getActorAccount() : event.getTargetAccount();
  }
}
