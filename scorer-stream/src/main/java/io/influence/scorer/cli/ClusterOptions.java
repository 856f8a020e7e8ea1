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
  private static final String BOOTSTRAP_SERVERS_FLAG = "--bootstrap-servers";
  private static final String SCHEMA_REGISTRY_URL_FLAG = "--schema-registry-url";

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (see docs/OPERATIONS.md).")
  Path configFile;

  @Option(names = BOOTSTRAP_SERVERS_FLAG, paramLabel = "HOST:PORT[,...]", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = SCHEMA_REGISTRY_URL_FLAG, paramLabel = "URL", description = "Confluent-compatible Schema Registry.")
  String schemaRegistryUrl;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set kafka.security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The configuration from these flags, the environment and the file. */
  ScorerConfig load(Map<String, String> environment) {
    return load(new GivenFlags(), environment);
  }

  /** As {@link #load(Map)}, with the flags of a command that adds its own ({@link ConfigOptions}). */
  ScorerConfig load(GivenFlags flags, Map<String, String> environment) {
    flags.putAll(settings);
    flags.put(ScorerConfig.BOOTSTRAP_SERVERS.key(), BOOTSTRAP_SERVERS_FLAG, bootstrapServers);
    flags.put(ScorerConfig.SCHEMA_REGISTRY_URL.key(), SCHEMA_REGISTRY_URL_FLAG, schemaRegistryUrl);
    return ScorerConfig.load(flags.values, flags.names, environment, Optional.ofNullable(configFile));
  }

  /** Settings given on the command line, with the flag each came from. */
  static final class GivenFlags {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    void put(String key, String flag, Object value) {
      if (value != null) {
        values.put(key, value.toString());
        names.put(key, flag);
      }
    }

    /** Values given with {@code --set}; a named flag for the same key wins. */
    private void putAll(Map<String, String> setWithoutNamedFlag) {
      setWithoutNamedFlag.forEach(values::putIfAbsent);
    }
  }
}
