package io.influence.scorer.connector;

import io.influence.schema.InteractionEvent;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an interaction event goes in Kafka: the topic of its network and the record key that keeps
 * all the events about one account in one partition, in order.
 *
 * <p>Networks are compared case-insensitively (see the Avro contract), so both the topic and the key
 * use the network's lower-case name: {@code Twitter} and {@code twitter} events about one account
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
   * The record key, {@code <network in lower case>:<account>}, where the account is the one acted
   * upon, or the actor when there is none (a POST). Keying by target keeps every interaction an
   * account receives in one partition, which is where its influence is summed.
   */
  public static String keyFor(InteractionEvent event) {
    String account = event.getTargetAccount() != null ? event.getTargetAccount() : event.getActorAccount();
    return normalisedNetwork(event.getNetwork()) + ":" + account;
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
