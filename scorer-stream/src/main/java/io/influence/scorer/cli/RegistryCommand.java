package io.influence.scorer.cli;

import io.influence.connector.cli.UntilStopped;
import io.influence.registry.server.EmbeddedSchemaRegistry;
import io.influence.registry.server.HttpsKeyStore;
import io.influence.registry.server.RegistryServerSettings;
import io.influence.registry.server.RegistryUsers;
import io.influence.registry.PropertiesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code registry}: our Confluent-compatible Schema Registry on its own, over any Kafka cluster, for
 * running the pieces of the stack as separate processes (docs/OPERATIONS.md) or beside connectors that
 * need a registry when no Confluent one is at hand.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = {"Run the Confluent-compatible Schema Registry alone, keeping its schemas in the _schemas topic of the given "
        + "cluster, until stopped.",
        "Basic auth and HTTPS are optional (docs/SECURITY.md)."})
final class RegistryCommand implements Callable<Integer> {
  static final String KEYSTORE_PASSWORD_VARIABLE = "REGISTRY_HTTPS_KEYSTORE_PASSWORD";

  @Spec
  CommandSpec spec;

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]", description = "Kafka brokers holding _schemas.")
  String bootstrapServers;

  @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT", description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "Properties for the registry's Kafka clients: security.protocol, sasl.*, ssl.* (docs/SECURITY.md).")
  Path kafkaConfig;

  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Require HTTP basic auth from the users of this file, one user:password a line.")
  Path usersFile;

  @Option(names = "--https-keystore", paramLabel = "FILE",
      description = "Serve HTTPS only, with the certificate and key of this PKCS12 key store; its password is read from "
          + KEYSTORE_PASSWORD_VARIABLE + ".")
  Path httpsKeyStore;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(settings(System.getenv()));
    System.out.printf("Schema registry at %s, schemas in _schemas on %s%n", registry.url(), bootstrapServers);
    UntilStopped.await(registry);
    return 0;
  }

  /** The server's settings from the flags, or a usage error naming the flag that is wrong. */
  RegistryServerSettings settings(Map<String, String> environment) {
    Map<String, Object> kafka = new HashMap<>(kafkaProperties());
    kafka.put("bootstrap.servers", bootstrapServers);
    try {
      Optional<RegistryUsers> users = Optional.ofNullable(usersFile).map(RegistryUsers::load);
      Optional<HttpsKeyStore> https = Optional.ofNullable(httpsKeyStore)
          .map(store -> HttpsKeyStore.pkcs12(store, environment.getOrDefault(KEYSTORE_PASSWORD_VARIABLE, "")));
      return new RegistryServerSettings(kafka, port, users, https);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Map<String, String> kafkaProperties() {
    if (kafkaConfig == null) {
      return Map.of();
    }
    try {
      return PropertiesFile.read(kafkaConfig);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--kafka-config " + kafkaConfig + " cannot be read: " + e.getMessage(), e);
    }
  }

}
