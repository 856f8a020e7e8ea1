package io.influence.scorer.embedded;

import io.influence.scorer.registry.EmbeddedSchemaRegistry;

/**
 * What a newcomer would otherwise have to install: a Kafka broker and a Schema Registry, both in this
 * JVM. {@code demo}, {@code replay} without {@code --bootstrap-servers}, and the integration tests run on it.
 */
public final class EmbeddedStack implements AutoCloseable {
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;

  private EmbeddedStack(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
    this.broker = broker;
    this.registry = registry;
  }

  /** Starts both on the given ports; 0 picks a free one. */
  public static EmbeddedStack start(int brokerPort, int registryPort) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerPort);
    try {
      return new EmbeddedStack(broker, EmbeddedSchemaRegistry.start(broker.bootstrapServers(), registryPort));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  public static EmbeddedStack startOnFreePorts() {
    return start(0, 0);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return registry.url();
  }

  @Override
  public void close() {
    registry.close();
    broker.close();
  }
}
