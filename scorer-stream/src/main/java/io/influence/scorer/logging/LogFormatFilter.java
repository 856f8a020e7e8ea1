package io.influence.scorer.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.influence.scorer.config.ScorerConfig.LogFormat;
import java.util.Locale;

/**
 * Lets through only the events of the chosen log format, so that logback.xml can attach a text and a
 * JSON appender to the root logger and the service pick one at start-up from its configuration
 * ({@code log.format}, so a flag or properties file works as well as {@code SCORER_LOG_FORMAT}). Until
 * then the environment variable decides, so that nothing logged earlier is lost or doubled.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
  private static volatile LogFormat chosen = fromEnvironment(System.getenv("SCORER_LOG_FORMAT"));

  private LogFormat format = LogFormat.TEXT;

  /** Set by logback from {@code <format>} in logback.xml: which format this appender writes. */
  public void setFormat(String format) {
    this.format = LogFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return format == chosen ? FilterReply.NEUTRAL : FilterReply.DENY;
  }

  static void choose(LogFormat format) {
    chosen = format;
  }

  static LogFormat fromEnvironment(String value) {
    return value != null && value.strip().equalsIgnoreCase("json") ? LogFormat.JSON : LogFormat.TEXT;
  }
}
