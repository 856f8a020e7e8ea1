package io.influence.scorer.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops WARNs that a library logs on every healthy run and that ask nothing of anyone, so that a WARN
 * in our logs always means something to act on. Each one is listed in logback.xml with the reason it
 * is harmless, as {@code <warning>logger|text the message contains</warning>}; any other WARN of the
 * same logger still shows.
 */
public final class HarmlessWarningFilter extends TurboFilter {
  private final List<HarmlessWarning> warnings = new ArrayList<>();

  private record HarmlessWarning(String logger, String text) {}

  /** Called by logback for each {@code <warning>}. */
  public void addWarning(String warning) {
    int separator = warning.indexOf('|');
    if (separator < 1 || separator == warning.length() - 1) {
      throw new IllegalArgumentException("a harmless warning is 'logger|text the message contains', not '" + warning + "'");
    }
    warnings.add(new HarmlessWarning(warning.substring(0, separator).strip(), warning.substring(separator + 1).strip()));
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.WARN || format == null) {
      return FilterReply.NEUTRAL;
    }
    for (HarmlessWarning warning : warnings) {
      if (logger.getName().equals(warning.logger()) && format.contains(warning.text())) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
