package io.influence.connector;

import io.influence.schema.InteractionEvent;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an interaction event goes in Kafka: the topic of its network and the record key that keeps
 * all the events one account makes in one partition, in order.
 *
 * <p>Networks are compared case-insensitively (see the Avro contract), so both the topic and the key
 * use the network's lower-case name: {@code Twitter} and {@code twitter} events of one account
 * meet in one partition of {@code interactions.twitter}.
 */
public final class InteractionTopics {
  /** Every network's topic is this prefix followed by the network's lower-case name. */
  public static final String TOPIC_PREFIX = "interactions.";

  /** Kafka's legal topic characters; the prefix leaves 249 - 13 characters for the network. */
  private static final Pattern NETWORK_NAME = Pattern.compile("[a-z0-9._-]{1,236}");

  private InteractionTopics() {}

  /**
   * The topic for a network's events, {@code interactions.<network in lower case>}.
   *
   * @throws IllegalArgumentException when the network's name cannot be part of a topic name
   */
  public static String topicFor(String network) {
    return TOPIC_PREFIX + normalisedNetwork(network);
  }

  /**
   * The record key, {@code <network in lower case>:<actor account>}. Keying by actor keeps each
   * account's own actions in one partition, in the order it made them: Klout's selectivity rule counts
   * an actor's likes and shares of a day in that order, so the scorer gets the same result however
   * many partitions there are. A redelivered event has the same key, so it meets its first delivery.
   */
  public static String keyFor(InteractionEvent event) {
    return normalisedNetwork(event.getNetwork()) + ":" + event.getActorAccount();
  }

  /**
   * The network's name in lower case, after checking that it can name a topic.
   *
   * @throws IllegalArgumentException naming the network and the characters allowed
   */
  public static String normalisedNetwork(String network) {
    String lowerCase = network.toLowerCase(Locale.ROOT);
    if (!NETWORK_NAME.matcher(lowerCase).matches()) {
      throw new IllegalArgumentException("network '" + network + "' cannot name a Kafka topic: use 1 to 236 letters,"
          + " digits, '.', '_' or '-'");
    }
    return lowerCase;
  }
}
