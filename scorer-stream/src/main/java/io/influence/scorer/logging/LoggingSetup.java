package io.influence.scorer.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.influence.scorer.config.ScorerConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} and {@code log.level} to logback at start-up. logback.xml reads the same
 * settings from the environment before any configuration exists; this makes flags and the properties
 * file count too.
 */
public final class LoggingSetup {
  /** The loggers {@code log.level} sets: the service's own. Kafka's and Jetty's stay at WARN. */
  static final String OUR_LOGGERS = "io.influence";
  private static final String STATE_DIRECTORY_LOGGER = "org.apache.kafka.streams.processor.internals.StateDirectory";

  private LoggingSetup() {}

  public static void apply(ScorerConfig config) {
    LogFormatFilter.choose(config.get(ScorerConfig.LOG_FORMAT));
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(OUR_LOGGERS).setLevel(Level.toLevel(config.get(ScorerConfig.LOG_LEVEL)));
    }
  }

  /**
   * For a run whose state lives in a scratch directory under the OS temp folder and is deleted on exit
   * ({@code demo}, {@code replay}): Kafka Streams warns at every start that the OS may clear such a
   * directory under a long-lived service, which cannot matter here. A {@code run} keeps the warning.
   */
  public static void expectStateInTempFolder() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(STATE_DIRECTORY_LOGGER).setLevel(Level.ERROR);
    }
  }
}
