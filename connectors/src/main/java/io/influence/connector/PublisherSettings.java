package io.influence.connector;

import java.util.HashMap;
import java.util.Map;

/**
 * Where {@link InteractionPublisher} publishes, and how it creates the {@code interactions.<network>}
 * topics that do not exist yet (existing topics are used as they are).
 *
 * @param bootstrapServers the Kafka cluster, {@code host:port[,host:port...]}
 * @param partitions partitions of each topic it creates; an actor account's events all go to one
 * @param replicationFactor replicas of each topic it creates; at most the number of brokers
 * @param retainForever whether topics it creates get {@code retention.ms=-1}. Replays of historical
 *     data need it: time-based retention compares record timestamps with now, so a broker deletes
 *     records stamped 2012 as soon as it rolls their segment.
 * @param clientProperties further settings of the admin client and the producer, last so they win:
 *     security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) or tuning
 */
public record PublisherSettings(String bootstrapServers, int partitions, short replicationFactor, boolean retainForever,
    Map<String, String> clientProperties) {

  /** Settings for a cluster that needs no client settings beyond its address. */
  public PublisherSettings(String bootstrapServers, int partitions, short replicationFactor, boolean retainForever) {
    this(bootstrapServers, partitions, replicationFactor, retainForever, Map.of());
  }

  public PublisherSettings {
    clientProperties = Map.copyOf(clientProperties);
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is empty; give the Kafka cluster as host:port[,host:port...]");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + "; a topic needs at least 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replicationFactor is " + replicationFactor + "; a topic needs at least 1 replica");
    }
  }

  /** {@code overrides} for one client, with the bootstrap servers and then {@link #clientProperties} on top. */
  public Map<String, Object> clientConfig(Map<String, Object> overrides) {
    Map<String, Object> config = new HashMap<>(overrides);
    config.put("bootstrap.servers", bootstrapServers);
    config.putAll(clientProperties);
    return config;
  }

  @Override
  public String toString() {
    return "PublisherSettings[" + bootstrapServers + ", partitions=" + partitions + ", replicationFactor=" + replicationFactor
        + ", retainForever=" + retainForever + ", clientProperties=" + clientProperties.keySet() + "]";
  }
}
