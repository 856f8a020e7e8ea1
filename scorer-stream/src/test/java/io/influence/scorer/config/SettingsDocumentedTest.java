package io.influence.scorer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.observability.ObservabilityFiles;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SettingsDocumentedTest {

  @Test
  void everySettingIsInTheOperationsGuideWithItsEnvironmentVariable() throws Exception {
    String guide = Files.readString(ObservabilityFiles.repoRoot().resolve("docs/OPERATIONS.md"));
    for (Setting<?> setting : ScorerConfig.settings()) {
      assertThat(guide).as(setting.key()).contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` |");
    }
  }
}
