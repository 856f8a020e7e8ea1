package io.influence.connector.cli;

import io.influence.connector.PublisherSettings;
import io.influence.registry.RestSchemaRegistryClient;
import picocli.CommandLine.Option;

/** Where a connector command publishes: the cluster, the registry, and how the topics it creates are laid out. */
final class PublishOptions {
  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", required = true, paramLabel = "URL", description = "Confluent-compatible Schema Registry.")
  String schemaRegistryUrl;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the topics it creates (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication-factor", defaultValue = "3", description = "Replicas of the topics it creates (default ${DEFAULT-VALUE}).")
  short replicationFactor;

  PublisherSettings publisherSettings() {
    return new PublisherSettings(bootstrapServers, partitions, replicationFactor, false);
  }

  RestSchemaRegistryClient registry() {
    return new RestSchemaRegistryClient(schemaRegistryUrl);
  }
}
