package io.influence.scorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A mistake on the command line is one line saying what is wrong and where to look, with exit code 2. */
class UsageErrorsTest {
  private record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    int exitCode = ScorerCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
    return new Run(exitCode, err.toString());
  }

  @Test
  void anInputFileThatDoesNotExistIsNamedInOneLine() {
    Run recompute = run("recompute", "--format", "snap", "--input", "/nonexistent/higgs.txt.gz");
    Run validate = run("validate", "--format", "snap-temporal", "--input", "/nonexistent/a2q.txt.gz:REPLY");

    assertThat(recompute.exitCode()).isEqualTo(2);
    assertThat(recompute.err()).isEqualTo("--input /nonexistent/higgs.txt.gz: no such file\nTry: scorer recompute --help\n");
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.err()).startsWith("--input /nonexistent/a2q.txt.gz: no such file\n");
  }

  @Test
  void anUnknownSettingIsReportedAsGivenWithSet() {
    Run unknown = run("recompute", "--format", "snap", "--input", "/nonexistent", "--set", "bogus.thing=1");
    Run runUnknown = run("run", "--set", "bogus.thing=1");

    assertThat(runUnknown.exitCode()).isEqualTo(2);
    assertThat(runUnknown.err()).contains("bogus.thing").contains("from --set bogus.thing").doesNotContain("--bogus-thing");
    assertThat(unknown.exitCode()).isEqualTo(2);
  }

  @Test
  void runRefusesToGoWithoutChangelogs() {
    Run withoutChangelogs = run("run", "--set", "state.changelogs=false");

    assertThat(withoutChangelogs.exitCode()).isEqualTo(2);
    assertThat(withoutChangelogs.err()).startsWith("invalid setting state.changelogs = 'false' (from --set state.changelogs): "
        + "'run' keeps changelogs");
  }

  @Test
  void anOptionACommandDoesNotTakeIsOneLineAndAPointerToItsHelp() {
    Run wrong = run("export", "--no-such-option");

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).isEqualTo("Unknown option: '--no-such-option'\nTry: scorer export --help\n");
  }

  @Test
  void runWithoutAReachableClusterSaysWhereItLookedAndWhatToDoInsteadOfRetryingForever() {
    int nobodyListens = io.influence.embedded.FreePorts.next();
    long started = System.nanoTime();

    Run unreachable = run("run", "--bootstrap-servers", "localhost:" + nobodyListens, "--http-port",
        String.valueOf(io.influence.embedded.FreePorts.next()));

    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err()).startsWith("cannot reach Kafka at localhost:" + nobodyListens
        + " (bootstrap.servers, from flag --bootstrap-servers) within 30 s: start one");
    assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(60).toNanos());
  }

  @Test
  void eachCommandsHelpListsOnlyTheOptionsItTakes() {
    StringWriter simulate = new StringWriter();
    StringWriter run = new StringWriter();
    ScorerCli.commandLine().setOut(new PrintWriter(simulate)).execute("simulate", "--help");
    ScorerCli.commandLine().setOut(new PrintWriter(run)).execute("run", "--help");

    assertThat(simulate.toString()).contains("--bootstrap-servers", "--schema-registry-url", "--events-per-second")
        .doesNotContain("--http-port", "--state-dir", "--application-server", "--application-id");
    assertThat(run.toString()).contains("--bootstrap-servers", "--http-port", "--state-dir", "--application-server");
  }

  @Test
  void runAndReplayListEverySettingWithItsDefaultAndVariableOnHelpSettings() {
    for (String command : new String[] {"run", "replay"}) {
      StringWriter out = new StringWriter();
      int exitCode = ScorerCli.commandLine().setOut(new PrintWriter(out)).execute(command, "--help-settings");
      StringWriter help = new StringWriter();
      ScorerCli.commandLine().setOut(new PrintWriter(help)).execute(command, "--help");

      assertThat(exitCode).as(command).isZero();
      assertThat(out.toString()).as(command).isEqualTo(io.influence.scorer.config.SettingsReference.plainText());
      assertThat(help.toString()).as(command).contains("--help-settings");
    }
  }

  @Test
  void theTopLevelHelpSummarisesEachCommandInAWholeSentence() {
    ScorerCli.commandLine().getSubcommands().forEach((name, command) -> {
      String[] description = command.getCommandSpec().usageMessage().description();
      assertThat(description).as(name).isNotEmpty();
      assertThat(description[0]).as("%s's summary in the top-level help", name).matches(".*[.?]");
    });
  }

  @Test
  void aChoiceIsReadWhateverItsCaseAndEveryDefaultParses() {
    for (String[] args : new String[][] {{"demo"}, {"demo", "--feed", "bluesky"}, {"demo", "--feed", "SIMULATED"}}) {
      ScorerCli.commandLine().parseArgs(args);
    }
  }
}
