package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags that say which cluster and registry a command talks to, for commands that are not a scorer
 * instance ({@code simulate}, {@code forget}, {@code export}); flags win over {@code SCORER_*}
 * environment variables, which win over the properties file.
 */
final class ClusterOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (see docs/OPERATIONS.md).")
  Path configFile;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible Schema Registry.")
  String schemaRegistryUrl;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set kafka.security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The configuration from these flags, the environment and the file. */
  ScorerConfig load(Map<String, String> environment) {
    return ScorerConfig.load(flags(), environment, Optional.ofNullable(configFile));
  }

  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>(settings);
    put(flags, ScorerConfig.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    put(flags, ScorerConfig.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
    return flags;
  }

  static void put(Map<String, String> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
  }
}
