package io.influence.connector.live;

import io.influence.connector.InteractionTopics;
import io.influence.connector.PublisherSettings;
import java.time.Duration;

/**
 * How a live connector publishes.
 *
 * @param name the connector's identity: its transactional id is {@code connector-<name>} and its cursor is
 *     keyed {@code <name>} in the cursor topic. Two running copies with one name fence each other, which is
 *     what keeps a restarted pod and its zombie from both publishing.
 * @param network the network its events carry, which names {@code interactions.<network>} and
 *     {@code connector.<network>.dlq}
 * @param publisher where and how topics are created
 * @param cursorTopic the compacted topic of cursors, {@code connector-cursors} by default
 * @param commitInterval how long a transaction stays open at most: the latency the connector adds
 * @param framesPerTransaction a transaction commits earlier when it holds this many frames
 * @param queueCapacity frames held between the socket and Kafka before the socket is paused
 */
public record LiveConnectorSettings(String name, String network, PublisherSettings publisher, String cursorTopic,
    Duration commitInterval, int framesPerTransaction, int queueCapacity) {
  public static final String DEFAULT_CURSOR_TOPIC = "connector-cursors";

  public LiveConnectorSettings {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("connector name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    InteractionTopics.normalisedNetwork(network);
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commitInterval is " + commitInterval + "; it must be positive");
    }
    if (framesPerTransaction < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("framesPerTransaction (" + framesPerTransaction + ") and queueCapacity ("
          + queueCapacity + ") must be at least 1");
    }
  }

  /** The defaults: commit every 250 ms or 5,000 frames, 10,000 frames queued at most. */
  public static LiveConnectorSettings defaults(String name, String network, PublisherSettings publisher) {
    return new LiveConnectorSettings(name, network, publisher, DEFAULT_CURSOR_TOPIC, Duration.ofMillis(250), 5_000, 10_000);
  }

  public String deadLetterTopic() {
    return "connector." + InteractionTopics.normalisedNetwork(network) + ".dlq";
  }

  public String transactionalId() {
    return "connector-" + name;
  }
}
