package io.influence.connector.cli;

import io.influence.connector.PublisherSettings;
import io.influence.registry.PropertiesFile;
import io.influence.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "Properties file of Kafka client settings, e.g. security.protocol=SASL_SSL and the SASL ones.")
  Path kafkaConfig;

  /** @throws IllegalArgumentException naming the --kafka-config file that cannot be read */
  PublisherSettings publisherSettings() {
    Map<String, String> clientProperties;
    try {
      clientProperties = kafkaConfig == null ? Map.of() : PropertiesFile.read(kafkaConfig);
    } catch (IOException e) {
      throw new IllegalArgumentException("--kafka-config " + kafkaConfig + " cannot be read: " + e.getMessage(), e);
    }
    return new PublisherSettings(bootstrapServers, partitions, replicationFactor, false, clientProperties);
  }

  RestSchemaRegistryClient registry() {
    return new RestSchemaRegistryClient(schemaRegistryUrl);
  }
}
