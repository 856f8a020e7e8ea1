package io.influence.registry;

import java.util.Locale;

/**
 * What a {@link RestSchemaRegistryClient} reports as it works, for whoever counts it: the service turns
 * these into meters, while this package stays free of any metrics library.
 */
public interface RegistryClientListener {
  /** Reports nowhere. */
  RegistryClientListener NONE = new RegistryClientListener() {};

  /**
   * One HTTP attempt (a retried call makes several) and how it ended.
   *
   * @param operation {@code register}, {@code schema_by_id}, {@code latest}, {@code lookup} or {@code compatibility}
   */
  default void requested(String operation, RequestOutcome outcome, long nanos) {}

  /** A cached answer was looked for: found ({@code hit}) or not, in which case a request follows. */
  default void cacheLookup(String operation, boolean hit) {}

  /** How an attempt ended; anything but {@link #SUCCESS} is an error. */
  enum RequestOutcome {
    SUCCESS, NOT_FOUND, CLIENT_ERROR, SERVER_ERROR, UNREACHABLE, INVALID_ANSWER;

    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }

    static RequestOutcome ofStatus(int status) {
      if (status / 100 == 2) {
        return SUCCESS;
      }
      if (status == 404) {
        return NOT_FOUND;
      }
      return status < 500 ? CLIENT_ERROR : SERVER_ERROR;
    }
  }
}
