package io.influence.scorer.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One named setting: its key in a properties file, its environment variable, its default and how to
 * read a value. A value that cannot be read fails with the key's name.
 *
 * @param key dotted name, as in a properties file ({@code http.port})
 * @param defaultValue text of the default, which works on the embedded stack; null means required
 * @param parser reads and validates a value, throwing {@link IllegalArgumentException} with the reason
 * @param description one line for {@code --help} and the operations guide
 */
public record Setting<T>(String key, String defaultValue, Function<String, T> parser, String description) {

  private static final String ENV_PREFIX = "SCORER_";

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(parser, "parser");
  }

  /** {@code http.port} is read from {@code SCORER_HTTP_PORT}. */
  public String environmentVariable() {
    return environmentVariableFor(key);
  }

  public static String environmentVariableFor(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Whether the value must not be printed (passwords, JAAS configurations, keys). */
  public boolean isSecret() {
    return isSecretKey(key);
  }

  static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("secret") || lower.contains("jaas") || lower.endsWith(".key")
        || lower.endsWith("user.info") || lower.endsWith(".token");
  }

  T parse(String text, String source) {
    try {
      return parser.apply(text.strip());
    } catch (RuntimeException e) {
      throw new InvalidSettingException(key, source, text, e.getMessage());
    }
  }
}
