package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.HalfLife;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.Momentum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologySettingsTest {

  @Test
  void aPatternThatNamesOneTopicIsSubscribedByNameAndAnyOtherByPattern() {
    assertThat(TopologySettings.literalTopic(Pattern.compile("interactions\\.twitter"))).contains("interactions.twitter");
    assertThat(TopologySettings.literalTopic(Pattern.compile("interactions.twitter"))).as("an unescaped dot matches any char").isEmpty();
    assertThat(TopologySettings.literalTopic(ScorerConfig.defaults().get(ScorerConfig.INPUT_PATTERN))).isEmpty();
  }

  @Test
  void theSettingsDefaultsAreTheModelsDefaults() {
    assertThat(TopologySettings.from(ScorerConfig.defaults()).parameters()).isEqualTo(InfluenceParameters.defaults());
  }

  @Test
  void theTimeSettingsReachTheModel() {
    TopologySettings settings = TopologySettings.from(ScorerConfig.defaults().with(Map.of(
        "scoring.standing.half.life", "365d", "scoring.momentum.half.life", "7d", "scoring.momentum.weight", "0.2",
        "scoring.momentum.cap", "2", "scoring.pair.half.life", "30d")));
    assertThat(settings.parameters().standingHalfLife().duration()).isEqualTo(Duration.ofDays(365));
    assertThat(settings.parameters().momentum()).isEqualTo(new Momentum(new HalfLife(Duration.ofDays(7)), 0.2, 2));
    assertThat(settings.parameters().pairHalfLife().duration()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aMomentumThatOutlivesTheStandingIsRefused() {
    assertThatThrownBy(() -> TopologySettings.from(ScorerConfig.defaults().with(Map.of("scoring.momentum.half.life", "200d"))))
        .hasMessageContaining("scoring.momentum.half.life").hasMessageContaining("must be shorter than the standing's");
  }

  @Test
  void configuredWeightsReplaceOnlyTheTypesTheyName() {
    TopologySettings settings = TopologySettings.from(ScorerConfig.defaults().with(Map.of("scoring.weights", "like=0.3")));
    assertThat(settings.parameters().weight(EngagementType.LIKE)).isEqualTo(0.3);
    assertThat(settings.parameters().weight(EngagementType.SHARE)).isEqualTo(1.0);
  }

  @Test
  void theBuiltInDictionaryFindsTopicsInText() {
    TopologySettings settings = TopologySettings.from(ScorerConfig.defaults());
    assertThat(settings.topics().topicsIn("New recipe for the vacation")).containsExactly("cooking", "travel");
  }

  @Test
  void aDictionaryFileReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keywords.properties");
    Files.writeString(file, "quark = particle physics\n");
    TopologySettings settings = TopologySettings.from(ScorerConfig.defaults().with(Map.of("topics.dictionary", file.toString())));
    assertThat(settings.topics().topicsIn("a quark and a recipe")).containsExactly("particle physics");
  }
}
