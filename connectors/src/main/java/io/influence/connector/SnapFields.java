package io.influence.connector;

import java.time.Instant;

/** The fields SNAP's interaction files share, whatever their layout. */
final class SnapFields {
  private SnapFields() {}

  /** A {@code unix_seconds} field: whole seconds since 1970, UTC. */
  static Instant instantOf(String unixSeconds) throws MalformedLineException {
    try {
      long seconds = Long.parseLong(unixSeconds);
      if (seconds < 0) {
        throw new MalformedLineException("unix_seconds " + unixSeconds + " is before 1970");
      }
      return Instant.ofEpochMilli(Math.multiplyExact(seconds, 1000L));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MalformedLineException("unix_seconds '" + unixSeconds + "' is not a whole number of seconds since 1970");
    }
  }
}
