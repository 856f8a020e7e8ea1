package io.influence.scorer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.observability.ObservabilityFiles;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SettingsDocumentedTest {

  @Test
  void theOperationsGuideListsEverySettingExactlyAsRunHelpSettingsDoes() throws Exception {
    String guide = Files.readString(ObservabilityFiles.repoRoot().resolve("docs/OPERATIONS.md"));
    assertThat(guide)
        .as("docs/OPERATIONS.md \"All settings\" must hold this table, rendered from ScorerConfig:%n%s", SettingsReference.markdownTable())
        .contains(SettingsReference.markdownTable());
  }

  @Test
  void theTerminalListingNamesEverySettingWithItsVariableAndDefault() {
    String listing = SettingsReference.plainText();
    for (Setting<?> setting : ScorerConfig.settings()) {
      assertThat(listing).contains(setting.key() + "   " + setting.environmentVariable() + "   default: ");
    }
    assertThat(listing).contains("state.dir   SCORER_STATE_DIR   default: <java.io.tmpdir>/influence-scorer");
  }
}
