package io.influence.connector;

import static java.util.Objects.requireNonNull;

/**
 * A line of a source that could not become an event, with where it was and why, so that a person
 * can find and fix it.
 *
 * @param source the source's {@link EventSource#name() name}, usually the file name
 * @param lineNumber the 1-based line number in the source
 * @param line the line as read
 * @param reason what is wrong with it, phrased so that the fix is apparent
 */
public record RejectedLine(String source, long lineNumber, String line, String reason) {
  /** Longest excerpt of the line that {@link #describe()} quotes. */
  private static final int QUOTED_CHARACTERS = 120;

  public RejectedLine {
    requireNonNull(source, "source");
    requireNonNull(line, "line");
    requireNonNull(reason, "reason");
  }

  /** One line for a log: {@code file:line: reason: "the line"}, quoting a long line only in part. */
  public String describe() {
    String quoted = line.length() <= QUOTED_CHARACTERS ? line : line.substring(0, QUOTED_CHARACTERS) + "...";
    return source + ":" + lineNumber + ": " + reason + ": \"" + quoted + "\"";
  }
}
