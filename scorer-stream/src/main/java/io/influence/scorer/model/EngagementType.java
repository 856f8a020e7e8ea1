package io.influence.scorer.model;

/**
 * What an actor did to a target. The model's own vocabulary, so that scoring does not depend on how a
 * connector or a schema spells it.
 */
public enum EngagementType {
  SHARE,
  MENTION,
  REPLY,
  COMMENT,
  LIKE,
  /** Publishing one's own content: activity, not influence; it counts only toward topics. */
  POST,
  FOLLOW
}
