package io.influence.connector.live;

/**
 * One message as a stream delivered it, before any parsing: what a dead letter keeps.
 *
 * @param kind what the transport says the message is: the SSE event name ({@code update}, {@code delete}),
 *     or {@code message} for a WebSocket text message, which names its kind inside
 * @param text the message's text as received
 */
public record Frame(String kind, String text) {
  /** The kind of every WebSocket text message; Jetstream names the kind inside the JSON. */
  public static final String MESSAGE = "message";

  public static Frame message(String text) {
    return new Frame(MESSAGE, text);
  }
}
