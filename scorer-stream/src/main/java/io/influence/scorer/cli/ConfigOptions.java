package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that set a scorer instance's configuration: its cluster ({@link ClusterOptions}) and its own
 * port, state and identity. Any setting can be given with {@code --set key=value}.
 */
final class ConfigOptions {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the HTTP API (default: 8080 for run, a free one for replay).")
  Integer httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory of the state stores.")
  Path stateDir;

  @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id; instances sharing it share the work.")
  String applicationId;

  @Option(names = "--application-server", paramLabel = "HOST:PORT", description = "Where other instances reach this one's HTTP API.")
  String applicationServer;

  /** The configuration from these flags, the environment and the file. */
  ScorerConfig load(Map<String, String> environment) {
    return ScorerConfig.load(flags(), environment, Optional.ofNullable(cluster.configFile));
  }

  Map<String, String> flags() {
    Map<String, String> flags = cluster.flags();
    ClusterOptions.put(flags, ScorerConfig.HTTP_PORT.key(), httpPort);
    ClusterOptions.put(flags, ScorerConfig.STATE_DIR.key(), stateDir);
    ClusterOptions.put(flags, ScorerConfig.APPLICATION_ID.key(), applicationId);
    ClusterOptions.put(flags, ScorerConfig.APPLICATION_SERVER.key(), applicationServer);
    return flags;
  }
}
