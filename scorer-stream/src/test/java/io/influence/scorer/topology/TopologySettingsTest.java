package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.model.EngagementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologySettingsTest {

  @Test
  void configuredWeightsReplaceOnlyTheTypesTheyName() {
    TopologySettings settings = TopologySettings.from(ScorerConfig.defaults().with(Map.of("scoring.weights", "like=0.5")));
    assertThat(settings.parameters().weight(EngagementType.LIKE)).isEqualTo(0.5);
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
