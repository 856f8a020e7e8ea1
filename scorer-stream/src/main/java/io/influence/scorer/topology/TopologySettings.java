package io.influence.scorer.topology;

import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.TopicDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.influence.scorer.model.HalfLife;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.Momentum;
import java.util.regex.Pattern;

/**
 * What the topology needs to know: its topics and the model's parameters.
 *
 * @param inputPattern connector topics to read
 * @param outputTopic where scores go, keyed by userId
 * @param accountLinksTopic compacted AccountLink topic, keyed by {@code <network>:<account>}
 * @param erasuresTopic compacted ErasureRequest topic, keyed by the user to forget
 * @param minScoreChange smallest score change worth publishing
 * @param deduplicationWindow how long an event id is remembered, to drop redeliveries
 * @param decay when scores are published for decay alone
 * @param timeliness which event times are accepted
 * @param topics finds the topics of content that has no tags
 * @param partitions partitions of the repartition topic, fixed so that the topology can start before
 *     any connector topic exists (and scale independently of how connectors partition)
 * @param changelogs whether the task stores have changelog topics (false only for a replay: {@link SingleStartTasks})
 */
public record TopologySettings(
    Pattern inputPattern,
    String outputTopic,
    String accountLinksTopic,
    String erasuresTopic,
    InfluenceParameters parameters,
    double minScoreChange,
    Duration deduplicationWindow,
    Decay decay,
    Timeliness timeliness,
    TopicDictionary topics,
    int partitions,
    boolean changelogs) {

  private static final String APPLIED_SUFFIX = ".applied";
  /** A pattern of letters, digits, {@code _}, {@code -} and escaped dots only: it matches exactly one topic name. */
  private static final Pattern ONE_TOPIC = Pattern.compile("(?:[A-Za-z0-9_-]|\\\\\\.)+");
  private static final String BUILT_IN_DICTIONARY = "/topic-keywords.properties";

  public static TopologySettings from(ScorerConfig config) {
    InfluenceParameters defaults = InfluenceParameters.defaults();
    Map<EngagementType, Double> weights = new EnumMap<>(defaults.typeWeights());
    weights.putAll(config.get(ScorerConfig.TYPE_WEIGHTS));
    InfluenceParameters parameters;
    try {
      parameters = new InfluenceParameters(
          new HalfLife(config.get(ScorerConfig.STANDING_HALF_LIFE)),
          new Momentum(new HalfLife(config.get(ScorerConfig.MOMENTUM_HALF_LIFE)), config.get(ScorerConfig.MOMENTUM_WEIGHT),
              config.get(ScorerConfig.MOMENTUM_CAP)),
          new HalfLife(config.get(ScorerConfig.PAIR_HALF_LIFE)),
          weights,
          defaults.postTopicWeight(),
          defaults.scale(),
          defaults.actorWeighting().withEnabled(config.get(ScorerConfig.ACTOR_WEIGHTING)),
          config.get(ScorerConfig.SELECTIVITY_FREE_ACTIONS),
          defaults.topTopics(),
          defaults.trackedTopics(),
          defaults.topContributors(),
          defaults.recentCauses());
    } catch (IllegalArgumentException e) {
      // Each setting is valid alone; only the momentum's half-life can contradict another (the standing's).
      throw new InvalidSettingException(ScorerConfig.MOMENTUM_HALF_LIFE.key(), config.sourceOf(ScorerConfig.MOMENTUM_HALF_LIFE),
          config.get(ScorerConfig.MOMENTUM_HALF_LIFE).toString(), e.getMessage());
    }
    return new TopologySettings(
        config.get(ScorerConfig.INPUT_PATTERN),
        config.get(ScorerConfig.OUTPUT_TOPIC),
        config.get(ScorerConfig.ACCOUNT_LINKS_TOPIC),
        config.get(ScorerConfig.ERASURES_TOPIC),
        parameters,
        config.get(ScorerConfig.MIN_SCORE_CHANGE),
        config.get(ScorerConfig.DEDUPLICATION_WINDOW),
        new Decay(config.get(ScorerConfig.DECAY_MIN_SCORE_CHANGE), config.get(ScorerConfig.DECAY_REVIEW_INTERVAL)),
        new Timeliness(config.get(ScorerConfig.FUTURE_TOLERANCE), config.get(ScorerConfig.LATE_GRACE)),
        topicDictionary(config.get(ScorerConfig.TOPIC_DICTIONARY)),
        config.get(ScorerConfig.TOPIC_PARTITIONS),
        config.get(ScorerConfig.STATE_CHANGELOGS));
  }

  /** Where the scorer records the erasures it has applied: the requests' topic with {@value #APPLIED_SUFFIX}. */
  public static String appliedErasuresTopic(String erasuresTopic) {
    return erasuresTopic + APPLIED_SUFFIX;
  }

  /** The dictionary in {@code file}, or the one built in ({@value #BUILT_IN_DICTIONARY}). */
  static TopicDictionary topicDictionary(Optional<Path> file) {
    Properties keywords = new Properties();
    try (InputStream in = file.isPresent()
        ? Files.newInputStream(file.get())
        : TopologySettings.class.getResourceAsStream(BUILT_IN_DICTIONARY)) {
      if (in == null) {
        throw new IllegalStateException("the built-in topic dictionary " + BUILT_IN_DICTIONARY + " is missing from the jar");
      }
      keywords.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidSettingException(ScorerConfig.TOPIC_DICTIONARY.key(), "file", file.map(Path::toString).orElse(BUILT_IN_DICTIONARY),
          "cannot read it: " + e.getMessage());
    }
    Map<String, String> topicByKeyword = new HashMap<>();
    keywords.stringPropertyNames().forEach(keyword -> topicByKeyword.put(keyword, keywords.getProperty(keyword)));
    return new TopicDictionary(topicByKeyword);
  }

  /**
   * @param minDrop how far a score must have fallen by decay alone to be published again
   * @param reviewInterval how often live traffic is reviewed for decay, by the wall clock
   */
  public record Decay(double minDrop, Duration reviewInterval) {}

  /**
   * @param futureTolerance how far ahead of the wall clock an event may be stamped (connectors' clocks drift)
   * @param grace how far behind stream time an event may arrive and still be applied
   */
  public record Timeliness(Duration futureTolerance, Duration grace) {}

  /**
   * The one topic {@code inputPattern} names, if it names exactly one ({@code interactions\\.twitter}): it
   * is then subscribed by name, which the streams rebalance protocol needs (it refuses pattern
   * subscriptions), rather than by pattern, which finds new networks' topics as they appear.
   */
  static Optional<String> literalTopic(Pattern inputPattern) {
    return ONE_TOPIC.matcher(inputPattern.pattern()).matches()
        ? Optional.of(inputPattern.pattern().replace("\\.", ".")) : Optional.empty();
  }

  /** The dead-letter topic of an input topic. */
  public static String deadLetterTopic(String inputTopic) {
    return inputTopic + ScoringTopology.DEAD_LETTER_SUFFIX;
  }
}
