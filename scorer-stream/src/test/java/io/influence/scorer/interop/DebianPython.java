package io.influence.scorer.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python test peers in {@code src/test/python} with Debian's interpreter, which is where
 * Debian's {@code python3-confluent-kafka} is installed; the {@code python3} first on PATH may be
 * another installation without it.
 */
final class DebianPython {
  static final Path INTERPRETER = Path.of("/usr/bin/python3");
  /** What the peers import: Confluent's client, and the Avro library and HTTP client its legacy Avro module needs. */
  static final String PACKAGES = "python3-confluent-kafka python3-avro python3-requests";
  private static final Path SCRIPTS = Path.of(System.getProperty("basedir", "."), "src", "test", "python");
  private static final long CHECK_TIMEOUT_SECONDS = 30;

  /** What a script printed and how it ended. */
  record Run(int exitCode, List<String> stdout, String stderr) {
    String describe(String script) {
      return script + " exited " + exitCode + "\n--- stdout ---\n" + String.join("\n", stdout) + "\n--- stderr ---\n" + stderr;
    }
  }

  private DebianPython() {}

  /**
   * Fails, naming the Debian packages to install, unless Debian's interpreter can import Confluent's
   * legacy Avro client. The peers are what this test is about, so their absence is a failure, not a skip.
   */
  static void requireConfluentAvroClient() throws IOException, InterruptedException {
    String install = "install Debian's packages with: apt-get install " + PACKAGES;
    if (!Files.isExecutable(INTERPRETER)) {
      throw new AssertionError(INTERPRETER + " does not exist; " + install);
    }
    Run check = run(List.of("-c", "import confluent_kafka.avro"), "", CHECK_TIMEOUT_SECONDS);
    if (check.exitCode() != 0) {
      throw new AssertionError(INTERPRETER + " cannot import confluent_kafka.avro; " + install + "\n" + check.stderr());
    }
  }

  /**
   * Runs {@code script} from {@code src/test/python} with {@code arguments}, feeding it {@code stdin}, and
   * kills it after {@code timeoutSeconds}.
   *
   * @throws AssertionError if it does not finish in time, with what it printed so far
   */
  static Run script(String script, List<String> arguments, String stdin, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPTS.resolve(script).toString());
    command.addAll(arguments);
    return run(command, stdin, timeoutSeconds);
  }

  private static Run run(List<String> arguments, String stdin, long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(INTERPRETER.toString());
    command.addAll(arguments);
    Path stdout = Files.createTempFile("python-stdout", ".txt");
    Path stderr = Files.createTempFile("python-stderr", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      // Keeps __pycache__ out of src/test/python.
      builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      // requests lets these override the CA a session was given, so Confluent's client would ignore its
      // own ssl.ca.location wherever a machine sets them (this one does), as a user's script would not expect.
      builder.environment().remove("REQUESTS_CA_BUNDLE");
      builder.environment().remove("CURL_CA_BUNDLE");
      Process process = builder.start();
      try (var input = process.getOutputStream()) {
        input.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      Run run = new Run(finished ? process.exitValue() : -1, Files.readAllLines(stdout), Files.readString(stderr));
      if (!finished) {
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + run.describe(String.join(" ", command)));
      }
      return run;
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
