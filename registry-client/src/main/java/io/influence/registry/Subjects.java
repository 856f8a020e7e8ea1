package io.influence.registry;

/**
 * The subject under which a topic's key or value schemas are registered: Confluent's default
 * {@code TopicNameStrategy}, {@code <topic>-key} and {@code <topic>-value}. Python, Go and Java clients
 * of Confluent use the same names, so producers in any language evolve one schema history per topic.
 */
public final class Subjects {
  private Subjects() {
  }

  /** The subject of the value schemas of {@code topic}. */
  public static String forValue(String topic) {
    return topic + "-value";
  }

  /** The subject of the key schemas of {@code topic}. */
  public static String forKey(String topic) {
    return topic + "-key";
  }

  /** The subject of {@code topic}'s keys when {@code isKey}, of its values otherwise. */
  public static String forTopic(String topic, boolean isKey) {
    return isKey ? forKey(topic) : forValue(topic);
  }
}
