package io.influence.scorer.embedded;

import io.influence.embedded.EmbeddedKafkaBroker;
import io.influence.registry.server.EmbeddedSchemaRegistry;
import io.influence.scorer.config.ScorerConfig;
import java.nio.file.Path;
import java.util.Map;

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

  /**
   * A single scorer's configuration on this stack: its brokers and registry, HTTP on {@code httpPort},
   * state in {@code stateDirectory}, and no standby, since there is no other instance to hold one.
   */
  public ScorerConfig scorerConfig(Path stateDirectory, int httpPort) {
    return ScorerConfig.defaults().with(Map.of(
        ScorerConfig.BOOTSTRAP_SERVERS.key(), bootstrapServers(),
        ScorerConfig.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl(),
        ScorerConfig.HTTP_PORT.key(), String.valueOf(httpPort),
        ScorerConfig.STATE_DIR.key(), stateDirectory.toString(),
        ScorerConfig.STANDBY_REPLICAS.key(), "0"));
  }

  @Override
  public void close() {
    registry.close();
    broker.close();
  }
}
