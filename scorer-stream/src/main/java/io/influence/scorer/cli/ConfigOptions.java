package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags that set the scorer's configuration; flags win over {@code SCORER_*} environment variables,
 * which win over the properties file. Any setting can be given with {@code --set key=value}.
 */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (see docs/OPERATIONS.md).")
  Path configFile;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible Schema Registry.")
  String schemaRegistryUrl;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the HTTP API (default 8080).")
  Integer httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory of the state stores.")
  Path stateDir;

  @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id; instances sharing it share the work.")
  String applicationId;

  @Option(names = "--application-server", paramLabel = "HOST:PORT", description = "Where other instances reach this one's HTTP API.")
  String applicationServer;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set scoring.standing.half.life=365d. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The configuration from these flags, the environment and the file, with {@code fallbacks} under all of them. */
  ScorerConfig load(Map<String, String> environment) {
    return ScorerConfig.load(flags(), environment, Optional.ofNullable(configFile));
  }

  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>(settings);
    put(flags, ScorerConfig.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    put(flags, ScorerConfig.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
    put(flags, ScorerConfig.HTTP_PORT.key(), httpPort);
    put(flags, ScorerConfig.STATE_DIR.key(), stateDir);
    put(flags, ScorerConfig.APPLICATION_ID.key(), applicationId);
    put(flags, ScorerConfig.APPLICATION_SERVER.key(), applicationServer);
    return flags;
  }

  private static void put(Map<String, String> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
  }
}
