package io.influence.scorer.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every setting with its environment variable, default and meaning, rendered from {@link ScorerConfig#settings()}
 * for {@code run --help-settings} and for the table in docs/OPERATIONS.md, so that neither can drift
 * from the code (SettingsDocumentedTest compares the guide with {@link #markdownTable()}).
 */
public final class SettingsReference {
  private static final String TEMP_FOLDER = System.getProperty("java.io.tmpdir");

  private SettingsReference() {}

  /** The guide's table: one row per setting, in the order ScorerConfig declares them. */
  public static String markdownTable() {
    return "| key | environment variable | default | meaning |\n|---|---|---|---|\n"
        + settings().stream()
            .map(setting -> "| `%s` | `%s` | %s | %s |".formatted(setting.key(), setting.environmentVariable(),
                defaultText(setting).isEmpty() ? "" : "`" + defaultText(setting) + "`", setting.description()))
            .collect(Collectors.joining("\n", "", "\n"));
  }

  /** For a terminal: each setting on a line with its variable and default, its meaning indented below. */
  public static String plainText() {
    return settings().stream()
        .map(setting -> "%s   %s   default: %s%n    %s%n".formatted(setting.key(), setting.environmentVariable(),
            defaultText(setting).isEmpty() ? "(none)" : defaultText(setting), setting.description()))
        .collect(Collectors.joining());
  }

  private static List<Setting<?>> settings() {
    return ScorerConfig.settings();
  }

  /** The default as the guide states it, the same on every machine: the temp folder is named, not resolved. */
  private static String defaultText(Setting<?> setting) {
    String text = setting.defaultValue() == null ? "" : setting.defaultValue();
    return text.startsWith(TEMP_FOLDER) ? "<java.io.tmpdir>" + text.substring(TEMP_FOLDER.length()) : text;
  }
}
