package io.influence.connector;

/**
 * Says why a line of a source cannot become an event. {@link TextFileEventSource} turns it into a
 * {@link RejectedLine}; it never escapes a stream of events.
 */
public final class MalformedLineException extends Exception {

  /** @param reason what is wrong with the line, phrased so that the fix is apparent */
  public MalformedLineException(String reason) {
    super(reason);
  }
}
