package io.influence.scorer.model;

import java.util.Map;

/**
 * What this service reads back of a user's latest published score: the score with its recent day-end
 * scores, which weigh the user as an actor ({@link PublishedScore#asSeenAt}), and the score of each of
 * their top topics, which with the score ranks them on the leaderboards.
 *
 * @param topicScores by topic, on the 1–100 scale
 */
public record PublishedStanding(PublishedScore published, Map<String, Double> topicScores) {
  public PublishedStanding {
    topicScores = Map.copyOf(topicScores);
  }
}
