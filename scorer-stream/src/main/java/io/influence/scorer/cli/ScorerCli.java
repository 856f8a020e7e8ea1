package io.influence.scorer.cli;

import io.influence.registry.AvroTrust;
import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.service.ClusterUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar scorer-stream.jar COMMAND}: the scorer's entry point. */
@Command(name = "scorer", mixinStandardHelpOptions = true, version = "Influence scorer 0.1.0",
    description = "Real-time influence scoring on Kafka Streams.",
    subcommands = {RunCommand.class, DemoCommand.class, ReplayCommand.class, SimulateCommand.class, RecomputeCommand.class, ValidateCommand.class,
        RegistryCommand.class, BrokerCommand.class, ForgetCommand.class, ExportCommand.class,
        CommandLine.HelpCommand.class})
public final class ScorerCli {

  public static void main(String[] args) {
    AvroTrust.install();
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with its error handling: a usage mistake or a wrong setting is one line saying
   * what is wrong and where to look, and exit code 2.
   */
  static CommandLine commandLine() {
    return new CommandLine(new ScorerCli())
        // Choices read as written in the help (--feed bluesky, --format snap), whatever their case.
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler((e, given) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(e.getMessage());
          cmd.getErr().println("Try: " + cmd.getCommandSpec().qualifiedName() + " --help");
          return 2;
        })
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof InvalidSettingException) {
            cmd.getErr().println(e.getMessage());
            return 2;
          }
          if (e instanceof ClusterUnreachableException) {
            cmd.getErr().println(e.getMessage());
            return 1;
          }
          throw e;
        });
  }
}
