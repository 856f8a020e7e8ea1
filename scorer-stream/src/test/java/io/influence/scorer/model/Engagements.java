package io.influence.scorer.model;

import java.util.List;

/** Test data: interactions as the model receives them. */
final class Engagements {
  static final long DAY = 86_400_000L;
  static final long T0 = 1_700_006_400_000L; // 2023-11-15T00:00:00Z, the start of a UTC day

  private Engagements() {}

  static Engagement of(String id, EngagementType type, String actor, String target, long at, String... topics) {
    return new Engagement(id, "twitter", type, actor, target, List.of(topics), at, 10.0, 1.0);
  }

  static Engagement fromActorScored(String id, EngagementType type, String actor, double actorScore, String target, long at) {
    return new Engagement(id, "twitter", type, actor, target, List.of(), at, actorScore, 1.0);
  }
}
