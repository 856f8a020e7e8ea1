package io.influence.connector;

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
 */
public record PublisherSettings(String bootstrapServers, int partitions, short replicationFactor, boolean retainForever) {

  public PublisherSettings {
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
}
