package io.influence.scorer.config;

/** A setting has a value the service cannot run with; the message names the setting and where it came from. */
public final class InvalidSettingException extends RuntimeException {
  private final String key;

  public InvalidSettingException(String key, String source, String value, String reason) {
    super("invalid setting " + key + " = '" + (Setting.isSecretKey(key) ? "****" : value) + "' (from " + source + "): " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
