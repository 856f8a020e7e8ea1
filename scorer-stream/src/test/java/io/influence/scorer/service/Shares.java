package io.influence.scorer.service;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Instant;
import java.util.List;

/** Twitter shares about physics, the one event the service tests need to publish scores. */
final class Shares {
  private Shares() {}

  static InteractionEvent share(String id, String actor, String target, Instant at) {
    return InteractionEvent.newBuilder()
        .setEventId(id).setNetwork("twitter").setType(InteractionType.SHARE)
        .setActorAccount(actor).setTargetAccount(target)
        .setTopics(List.of("physics")).setOccurredAt(at)
        .build();
  }
}
