package io.influence.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectorCliTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new ConnectorCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void eachConnectorsHelpListsWhereItPublishesAndWhatItReads() {
    Run bluesky = run("bluesky", "--help");
    Run mastodon = run("mastodon", "--help");

    assertThat(bluesky.exitCode()).isZero();
    assertThat(bluesky.out()).contains("--jetstream", "--rewind", "--bootstrap-servers", "--schema-registry-url", "--metrics-port");
    assertThat(mastodon.exitCode()).isZero();
    assertThat(mastodon.out()).contains("--instance", "--backfill-pages", "--bootstrap-servers", "--schema-registry-url");
  }

  @Test
  void linkTakesAFileAndWhereToPublishAndNamesAMissingFileInOneLine() {
    Run help = run("link", "--help");
    Run missing = run("link", "/nonexistent/links.csv", "--bootstrap-servers", "localhost:1", "--schema-registry-url", "http://localhost:1");

    assertThat(help.out()).contains("FILE", "--topic", "--bootstrap-servers", "--schema-registry-url").doesNotContain("--metrics-port");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("/nonexistent/links.csv: no such file, or not readable\n");
  }

  @Test
  void aConnectorWithoutItsClusterIsAUsageErrorNamingTheMissingOption() {
    Run missing = run("mastodon", "--instance", "https://mastodon.social");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--bootstrap-servers");
  }

  @Test
  void theTopLevelHelpSummarisesEachCommandInAWholeSentence() {
    ConnectorCli.commandLine().getSubcommands().forEach((name, command) ->
        assertThat(command.getCommandSpec().usageMessage().description()[0]).as(name).endsWith("."));
  }
}
