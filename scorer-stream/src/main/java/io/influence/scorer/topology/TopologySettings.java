package io.influence.scorer.topology;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.model.HalfLife;
import io.influence.scorer.model.InfluenceParameters;
import java.util.regex.Pattern;

/**
 * What the topology needs to know: its topics and the model's parameters.
 *
 * @param inputPattern connector topics to read
 * @param outputTopic where scores go, keyed by userId
 * @param accountLinksTopic compacted AccountLink topic, keyed by {@code <network>:<account>}
 * @param minScoreChange smallest score change worth publishing
 * @param partitions partitions of the repartition topic, fixed so that the topology can start before
 *     any connector topic exists (and scale independently of how connectors partition)
 */
public record TopologySettings(
    Pattern inputPattern,
    String outputTopic,
    String accountLinksTopic,
    InfluenceParameters parameters,
    double minScoreChange,
    int partitions) {

  public static TopologySettings from(ScorerConfig config) {
    InfluenceParameters defaults = InfluenceParameters.defaults();
    var weighting = defaults.actorWeighting();
    InfluenceParameters parameters = defaults
        .withHalfLife(new HalfLife(config.get(ScorerConfig.HALF_LIFE)))
        .withActorWeighting(weighting.withEnabled(config.get(ScorerConfig.ACTOR_WEIGHTING)));
    return new TopologySettings(
        config.get(ScorerConfig.INPUT_PATTERN),
        config.get(ScorerConfig.OUTPUT_TOPIC),
        config.get(ScorerConfig.ACCOUNT_LINKS_TOPIC),
        parameters,
        config.get(ScorerConfig.MIN_SCORE_CHANGE),
        config.get(ScorerConfig.TOPIC_PARTITIONS));
  }

  /** The dead-letter topic of an input topic. */
  public static String deadLetterTopic(String inputTopic) {
    return inputTopic + ScoringTopology.DEAD_LETTER_SUFFIX;
  }
}
