package io.influence.scorer.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.embedded.FreePorts;
import io.influence.scorer.observability.ObservabilityFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md is a test: every command of "Try it", "Replay real data" and "Does the score foretell
 * engagement?" runs as written, in bash, from a checkout-shaped directory (the packaged jar, and
 * {@code ../shared/data} beside it), and what it prints is held against what the README shows.
 *
 * <p>Two liberties, both stated: the Maven commands are not run (the build that runs this test has
 * just run them), and the demo's ports 9092, 8081 and 8080 become free ones, in the demo's command
 * and in every command that follows it, so that the test never collides with a demo someone is running.
 * A figure that depends on the machine (the replay's seconds) is checked against the range the README
 * states for the build machine, within a factor of {@value #MACHINE_SLACK}, and printed.
 */
class ReadmeIT {
  private static final int MACHINE_SLACK = 3;
  private static final Pattern SUMMARY = Pattern.compile(
      "events=(\\d+) scored=(\\d+) dlq=(\\d+) duplicates=(\\d+) ignored=(\\d+) seconds=([\\d.]+) rate=(\\d+)/s");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private Readme readme;
  /** Where the commands run: a directory with the repository's {@code scorer-stream} in it and {@code ../shared} beside it. */
  private Path checkout;

  @BeforeEach
  void lookLikeAFreshCheckout() throws IOException {
    Path repository = ObservabilityFiles.repoRoot();
    readme = Readme.read(repository.resolve("README.md"));
    checkout = Files.createDirectory(work.resolve("influence"));
    Files.createSymbolicLink(checkout.resolve("scorer-stream"), repository.resolve("scorer-stream"));
    Files.createSymbolicLink(work.resolve("shared"), repository.resolve("../shared").toRealPath());
  }

  /** JUnit would delete the links and warn that their targets lie outside the temp folder; they are only links. */
  @AfterEach
  void removeTheLinks() throws IOException {
    Files.deleteIfExists(checkout.resolve("scorer-stream"));
    Files.deleteIfExists(work.resolve("shared"));
  }

  @Test
  void tryItsDemoAnswersEveryCommandAndTheScoreAndErrorLookAsShown() throws Exception {
    Readme.Section tryIt = readme.section("Try it");
    String build = tryIt.command(" demo");
    assertThat(build).startsWith("./mvnw -B -DskipTests package && ");
    Map<String, String> ports = Map.of("9092", String.valueOf(FreePorts.next()), "8081", String.valueOf(FreePorts.next()),
        "8080", String.valueOf(FreePorts.next()));
    String demoCommand = build.substring(build.indexOf("&& ") + 3)
        + " --broker-port " + ports.get("9092") + " --registry-port " + ports.get("8081") + " --http-port " + ports.get("8080");

    Process demo = start("exec " + demoCommand, work.resolve("demo.log"));
    try {
      awaitOutput(demo, work.resolve("demo.log"), "Influence demo is running", Duration.ofMinutes(2));
      String user = "curl -s localhost:" + ports.get("8080") + "/v1/users/twitter:celebrity1";
      awaitSuccess(user + " --fail", Duration.ofSeconds(60));

      List<String> curls = tryIt.commands().stream().filter(command -> !command.startsWith("./mvnw")).toList();
      assertThat(curls).hasSizeGreaterThanOrEqualTo(10);
      for (String command : curls) {
        Outcome outcome = shell(onPorts(command, ports), Duration.ofSeconds(30));
        assertThat(outcome.exitCode()).as("%s%n%s", command, outcome.output()).isZero();
        assertThat(outcome.output()).as(command).isNotBlank();
      }

      JsonNode shown = JSON.readTree(tryIt.blocks("json").get(0).text());
      JsonNode served = JSON.readTree(shell(user, Duration.ofSeconds(30)).output());
      assertSameShape(shown, served, "user");
      assertThat(decimals(served.get("score"))).as("score decimals").isLessThanOrEqualTo(2);
      assertThat(significantFigures(served.get("influence"))).as("influence figures").isLessThanOrEqualTo(4);

      Matcher error = tryIt.find(Pattern.compile("Errors are JSON too: `(\\{.*?})`"));
      JsonNode shownError = JSON.readTree(error.group(1));
      String unknown = shownError.get("message").asText().replaceFirst(".* ", "");
      assertThat(JSON.readTree(shell("curl -s localhost:" + ports.get("8080") + "/v1/users/" + unknown, Duration.ofSeconds(30)).output()))
          .isEqualTo(shownError);
    } finally {
      demo.destroy();
      assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
    }
  }

  @Test
  void replayPrintsTheCountsShownInTheTimeTheReadmeStatesAndRecomputeAgrees() throws Exception {
    Readme.Section replaySection = readme.section("Replay real data");
    Matcher shown = SUMMARY.matcher(replaySection.blocks("").get(0).text());
    assertThat(shown.find()).as("the README shows a summary line").isTrue();
    Matcher stated = replaySection.find(Pattern.compile("(\\d+) to (\\d+) s \\("));

    Outcome replay = shell(replaySection.command(" replay "), Duration.ofMinutes(15));
    Matcher printed = lastSummary(replay);
    for (int count = 1; count <= 5; count++) {
      assertThat(printed.group(count)).as("count %d of %s", count, printed.group()).isEqualTo(shown.group(count));
    }
    double seconds = Double.parseDouble(printed.group(6));
    System.out.printf("README replay: %s s here, %.1f s for the whole command; the README states %s to %s s on the build machine%n",
        seconds, replay.took().toMillis() / 1000.0, stated.group(1), stated.group(2));
    assertThat(seconds).as("seconds, within %dx of the README's range", MACHINE_SLACK)
        .isLessThanOrEqualTo(MACHINE_SLACK * Double.parseDouble(stated.group(2)));
    long exported = Long.parseLong(replay.output().replaceAll("(?s).*exported ([\\d,]+) users.*", "$1").replace(",", ""));
    assertThat(lines(checkout.resolve("scores.jsonl"))).isEqualTo(exported);

    Outcome recompute = shell(replaySection.command(" recompute "), Duration.ofMinutes(5));
    Matcher recomputed = lastSummary(recompute);
    for (int count = 1; count <= 5; count++) {
      assertThat(recomputed.group(count)).as("recompute's count %d", count).isEqualTo(shown.group(count));
    }
    assertThat(lines(checkout.resolve("recomputed.jsonl"))).as("users the stream and recompute export").isEqualTo(exported);
  }

  @Test
  void validateGivesTheFiguresOfItsRowInTheReadmesTable() throws Exception {
    Readme.Section validity = readme.section("Does the score foretell engagement?");
    String command = validity.command(" validate ");
    String split = command.replaceAll(".*--split (\\S+).*", "$1");
    Matcher row = validity.find(Pattern.compile("\\| MathOverflow " + Pattern.quote(split)
        + " \\| \\*\\*([\\d.]+) / ([\\d.]+) / ([\\d.]+)\\*\\* \\| ([\\d.]+) / ([\\d.]+) / ([\\d.]+) \\|"));

    Outcome validate = shell(command, Duration.ofMinutes(5));
    assertThat(validate.exitCode()).as(validate.output()).isZero();
    List<double[]> baselines = new ArrayList<>();
    double[] score = null;
    for (String line : validate.output().lines().toList()) {
      double[] figures = figures(line);
      if (figures == null) {
        continue;
      }
      if (line.startsWith("| influence score")) {
        score = figures;
      } else {
        baselines.add(figures);
      }
    }
    assertThat(score).as("validate prints the score's row").isNotNull();
    for (int measure = 0; measure < 3; measure++) {
      int m = measure;
      double best = baselines.stream().mapToDouble(figures -> figures[m]).max().orElseThrow();
      // The README gives three decimals: each must be the measured figure, rounded.
      assertThat(score[m]).as("score, measure %d", m).isCloseTo(Double.parseDouble(row.group(1 + m)), within(0.0005 + 1e-9));
      assertThat(best).as("best baseline, measure %d", m).isCloseTo(Double.parseDouble(row.group(4 + m)), within(0.0005 + 1e-9));
    }
  }

  /** @param took from the command's start to its exit, start-up and shutdown included */
  private record Outcome(int exitCode, String output, Duration took) {}

  private Process start(String command, Path log) throws IOException {
    return new ProcessBuilder("bash", "-c", command).directory(checkout.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private Outcome shell(String command, Duration patience) throws IOException, InterruptedException {
    Path log = Files.createTempFile(work, "command", ".log");
    long started = System.nanoTime();
    Process process = start(command, log);
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("did not finish within " + patience + ": " + command + "\n" + Files.readString(log));
    }
    return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
  }

  private void awaitSuccess(String command, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (shell(command, Duration.ofSeconds(10)).exitCode() != 0) {
      assertThat(System.nanoTime()).as("%s did not succeed within %s", command, patience).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static void awaitOutput(Process process, Path log, String text, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!Files.readString(log).contains(text)) {
      assertThat(process.isAlive()).as("the command ended before printing '%s':%n%s", text, Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("'%s' not printed within %s", text, patience).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static String onPorts(String command, Map<String, String> ports) {
    String moved = command;
    for (Map.Entry<String, String> port : ports.entrySet()) {
      moved = moved.replace("localhost:" + port.getKey(), "localhost:" + port.getValue());
    }
    return moved;
  }

  private static Matcher lastSummary(Outcome outcome) {
    Matcher last = null;
    for (String line : outcome.output().lines().toList()) {
      Matcher matcher = SUMMARY.matcher(line);
      if (matcher.find()) {
        last = matcher;
      }
    }
    assertThat(last).as("a summary line in:%n%s", outcome.output()).isNotNull();
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    return last;
  }

  /** The three figures of a method's row in validate's table, or null for any other line. */
  private static double[] figures(String line) {
    Matcher matcher = Pattern.compile("^\\| [a-zA-Z][^|]*\\|\\s+(-?[\\d.]+) \\|\\s+(-?[\\d.]+) \\|\\s+(-?[\\d.]+) \\|$").matcher(line);
    return matcher.matches()
        ? new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3))}
        : null;
  }

  /** The same fields, recursively, and the same kinds of value: what the README shows is what comes. */
  private static void assertSameShape(JsonNode shown, JsonNode served, String path) {
    assertThat(served.getNodeType()).as(path).isEqualTo(shown.getNodeType());
    if (shown.isObject() && !path.endsWith("engagements")) {
      assertThat(fieldNames(served)).as(path).isEqualTo(fieldNames(shown));
      shown.fieldNames().forEachRemaining(field -> assertSameShape(shown.get(field), served.get(field), path + "." + field));
    } else if (shown.isArray() && !shown.isEmpty() && !served.isEmpty()) {
      served.forEach(element -> assertSameShape(shown.get(0), element, path + "[]"));
    }
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    Iterator<String> fields = node.fieldNames();
    fields.forEachRemaining(names::add);
    return names;
  }

  private static int decimals(JsonNode number) {
    return Math.max(0, new BigDecimal(number.asText()).stripTrailingZeros().scale());
  }

  private static int significantFigures(JsonNode number) {
    return new BigDecimal(number.asText()).stripTrailingZeros().precision();
  }

  private static long lines(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }
}
