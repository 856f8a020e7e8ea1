package io.influence.registry.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a registry server runs: where it keeps its schemas, where it listens, and who may use it.
 *
 * @param kafka the properties of the Kafka clients that read and write {@code _schemas}: at least
 *     {@code bootstrap.servers}, plus any security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*})
 * @param port the port to listen on, 0 for any free one
 * @param users who may call the API with HTTP basic auth; anyone may when empty
 * @param https the server's certificate; plain HTTP when empty
 */
public record RegistryServerSettings(Map<String, Object> kafka, int port, Optional<RegistryUsers> users, Optional<HttpsKeyStore> https) {
  public RegistryServerSettings {
    if (!kafka.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("the registry needs bootstrap.servers to reach the Kafka cluster holding _schemas");
    }
    kafka = Map.copyOf(kafka);
  }

  /** An open, plain-HTTP registry over the unsecured cluster at {@code bootstrapServers}. */
  public static RegistryServerSettings open(String bootstrapServers, int port) {
    return new RegistryServerSettings(Map.of("bootstrap.servers", bootstrapServers), port, Optional.empty(), Optional.empty());
  }

  /** {@link #kafka} with {@code overrides} on top, for each client's own settings. */
  Map<String, Object> kafkaWith(Map<String, Object> overrides) {
    Map<String, Object> properties = new HashMap<>(kafka);
    properties.putAll(overrides);
    return properties;
  }

  String bootstrapServers() {
    return kafka.get("bootstrap.servers").toString();
  }
}
