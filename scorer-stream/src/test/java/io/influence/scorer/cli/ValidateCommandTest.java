package io.influence.scorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir Path directory;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new ScorerCli()).setOut(new PrintWriter(out));
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }

  private Path activity() throws IOException {
    return Files.write(directory.resolve("activity.txt"),
        List.of("a b 100 RT", "c b 200 MT", "a e 300 RT", "x b 1000 RT", "y b 1100 RT", "z e 1200 RE"));
  }

  @Test
  void printsTheComparisonTableAndTheCommandThatReproducesIt() throws IOException {
    Path file = activity();

    String output = run("validate", "--format", "snap", "--input", file.toString(), "--split", "1000", "--set", "scoring.standing.half.life=30d");

    assertThat(output)
        .contains("users 2 (engaged by others in the 90 days before the split), 2 of them engaged after it")
        .contains("| influence score ")
        .contains("| received, all time ")
        .contains("command: java -jar scorer-stream/target/scorer-stream.jar validate --format snap --input " + file
            + " --split 1000 --set scoring.standing.half.life=30d");
  }

  @Test
  void withoutASplitItSplitsAtTheMedianEventTimeAndPrintsIt() throws IOException {
    String output = run("validate", "--format", "snap", "--input", activity().toString());

    assertThat(output).contains("split 1970-01-01T00:16:40Z (1000)").contains(" --split 1000");
  }

  @Test
  void readsATemporalNetworkOfSeveralFilesWithAHorizonAndPrintsJsonForScripts() throws IOException {
    Path answers = Files.write(directory.resolve("a2q.txt"), List.of("1 2 100", "3 2 1200", "4 2 5000"));
    Path comments = Files.write(directory.resolve("c2q.txt"), List.of("5 2 300", "1 6 900", "7 6 1100"));

    String output = run("validate", "--format", "snap-temporal", "--input", answers + ":REPLY", "--input", comments + ":comment",
        "--network", "mathoverflow", "--split", "1000", "--horizon", "1h", "--json");

    assertThat(output).contains("\"users\" : 2").contains("\"truthEnd\" : \"1970-01-01T01:16:40Z\"").contains("\"method\" : \"PAGE_RANK\"");
  }

  @Test
  void aSplitMayBeADateAndTheCommandPrintsItAsEpochSecondsWithTheHorizon() throws IOException {
    String output = run("validate", "--format", "snap", "--input", activity().toString(), "--split", "1970-01-01", "--horizon", "90d",
        "--bootstrap", "0");

    assertThat(output).contains(" --split 0 --horizon 90d").doesNotContain("bootstrap interval");
  }
}
