package io.influence.connector.cli;

import io.influence.registry.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The connector services' entry point: one command a network, each its own process and deployment. */
@Command(name = "connector", mixinStandardHelpOptions = true, version = "Influence connectors 0.1.0",
    description = "Publish a social network's public interactions to Kafka for the scorer.",
    subcommands = {BlueskyCommand.class, MastodonCommand.class, LinkCommand.class, CommandLine.HelpCommand.class})
public final class ConnectorCli {
  ConnectorCli() {}

  public static void main(String[] args) {
    AvroTrust.install();
    System.exit(commandLine().execute(args));
  }

  /** The command line every connector command runs in, for {@link #main} and for a test to run one in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new ConnectorCli());
  }
}
