package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.config.SettingsReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that set a scorer instance's configuration: its cluster ({@link ClusterOptions}) and its own
 * port, state and identity. Any setting can be given with {@code --set key=value}.
 */
final class ConfigOptions {
  private static final String HTTP_PORT_FLAG = "--http-port";
  private static final String STATE_DIR_FLAG = "--state-dir";
  private static final String APPLICATION_ID_FLAG = "--application-id";
  private static final String APPLICATION_SERVER_FLAG = "--application-server";

  @Mixin
  ClusterOptions cluster;

  @Option(names = HTTP_PORT_FLAG, paramLabel = "PORT", description = "Port of the HTTP API (default: 8080 for run, a free one for replay).")
  Integer httpPort;

  @Option(names = STATE_DIR_FLAG, paramLabel = "DIR", description = "Directory of the state stores.")
  Path stateDir;

  @Option(names = APPLICATION_ID_FLAG, paramLabel = "ID", description = "Kafka Streams application id; instances sharing it share the work.")
  String applicationId;

  @Option(names = APPLICATION_SERVER_FLAG, paramLabel = "HOST:PORT", description = "Where other instances reach this one's HTTP API.")
  String applicationServer;

  @Option(names = "--help-settings", help = true,
      description = "List every setting (for --set, SCORER_* variables and --config) with its default, and exit.")
  boolean helpSettings;

  /** Prints every setting to {@code out} if {@code --help-settings} was given; the command then stops. */
  boolean printedSettingsHelp(PrintWriter out) {
    if (helpSettings) {
      out.print(SettingsReference.plainText());
      out.flush();
    }
    return helpSettings;
  }

  /** The configuration from these flags, the environment and the file. */
  ScorerConfig load(Map<String, String> environment) {
    ClusterOptions.GivenFlags flags = new ClusterOptions.GivenFlags();
    flags.put(ScorerConfig.HTTP_PORT.key(), HTTP_PORT_FLAG, httpPort);
    flags.put(ScorerConfig.STATE_DIR.key(), STATE_DIR_FLAG, stateDir);
    flags.put(ScorerConfig.APPLICATION_ID.key(), APPLICATION_ID_FLAG, applicationId);
    flags.put(ScorerConfig.APPLICATION_SERVER.key(), APPLICATION_SERVER_FLAG, applicationServer);
    return cluster.load(flags, environment);
  }
}
