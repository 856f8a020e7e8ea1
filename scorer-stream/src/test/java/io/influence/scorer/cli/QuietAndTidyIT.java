package io.influence.scorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.embedded.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees of a healthy {@code demo} and {@code replay}, run from the packaged jar in a JVM
 * of its own with a temp folder of its own: the banner, progress and summary with no ERROR or WARN (a WARN must be
 * something to act on, and a healthy run has none), and nothing left in the temp folder afterwards.
 */
class QuietAndTidyIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path work;

  @Test
  void aDemoStoppedWithSigtermLogsNoWarningOrErrorAndLeavesNothingInTheTempFolder() throws Exception {
    Path temp = Files.createDirectory(work.resolve("tmp"));
    int httpPort = FreePorts.next();
    try (CliProcess demo = CliProcess.startPackaged(List.of("-Djava.io.tmpdir=" + temp),
        List.of("demo", "--broker-port", String.valueOf(FreePorts.next()), "--registry-port", String.valueOf(FreePorts.next()),
            "--http-port", String.valueOf(httpPort)), work.resolve("demo.log"))) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> status("http://localhost:" + httpPort + "/v1/users/twitter:celebrity1") == 200);
      demo.terminate(Duration.ofSeconds(60));

      assertThat(demo.output()).contains("Influence demo is running");
      assertThat(warningsAndErrors(demo.output())).isEmpty();
    }
    assertThat(entries(temp)).as("left in the temp folder").isEmpty();
  }

  @Test
  void aReplayPrintsItsSummaryWithNoWarningOrErrorAndLeavesNothingInTheTempFolder() throws Exception {
    Path temp = Files.createDirectory(work.resolve("tmp"));
    Path input = retweets(work.resolve("retweets.txt"), 2_000);
    try (CliProcess replay = CliProcess.startPackaged(List.of("-Djava.io.tmpdir=" + temp),
        List.of("replay", "--format", "snap", "--input", input.toString(), "--export", work.resolve("scores.jsonl").toString()),
        work.resolve("replay.log"))) {
      assertThat(replay.awaitExit(Duration.ofMinutes(3))).isZero();

      assertThat(replay.output()).contains("events=2000 scored=2000 dlq=0 duplicates=0 ignored=0");
      assertThat(warningsAndErrors(replay.output())).isEmpty();
    }
    assertThat(entries(temp)).as("left in the temp folder").isEmpty();
  }

  private static List<String> warningsAndErrors(String output) {
    return output.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
  }

  private static List<Path> entries(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    }
  }

  private static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** A SNAP Higgs-format file of {@code count} retweets among 200 accounts, one a minute. */
  private static Path retweets(Path file, int count) throws IOException {
    Random random = new Random(19);
    List<String> lines = new ArrayList<>();
    long time = 1_341_100_972L;
    for (int i = 0; i < count; i++) {
      int actor = random.nextInt(200);
      int target = (actor + 1 + random.nextInt(199)) % 200;
      lines.add(actor + " " + target + " " + (time + 60L * i) + " RT");
    }
    return Files.write(file, lines);
  }
}
