package io.influence.scorer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the scorer's CLI in a JVM of its own, started from this test's class path, so that a
 * test can kill it as an operator's {@code kill -9} would, which no in-process test can. Its output
 * goes to a file the test reads.
 */
public final class CliProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  private CliProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** The jar a user runs, built by the package phase that comes before the integration tests. */
  private static final Path PACKAGED_JAR = Path.of("target", "scorer-stream.jar");

  /** Starts {@code java ScorerCli arguments...} with {@code environment} added to this one's, writing to {@code output}. */
  public static CliProcess start(List<String> arguments, Map<String, String> environment, Path output) throws IOException {
    return launch(List.of("-cp", System.getProperty("java.class.path"), ScorerCli.class.getName()), arguments, environment, output);
  }

  /**
   * Starts {@code java [jvmOptions] -jar scorer-stream.jar arguments...}: the packaged jar as a user
   * runs it, with its own logging configuration rather than the tests'.
   */
  public static CliProcess startPackaged(List<String> jvmOptions, List<String> arguments, Path output) throws IOException {
    List<String> launcher = new ArrayList<>(jvmOptions);
    launcher.addAll(List.of("-jar", PACKAGED_JAR.toAbsolutePath().toString()));
    return launch(launcher, arguments, Map.of(), output);
  }

  private static CliProcess launch(List<String> launcher, List<String> arguments, Map<String, String> environment, Path output)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command")), "-Xmx256m"));
    command.addAll(launcher);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    return new CliProcess(builder.start(), output);
  }

  /** Everything it has printed so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + output, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits until it is gone: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for a command that ends by itself, and returns its exit code. */
  public int awaitExit(Duration patience) throws InterruptedException {
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("did not finish within " + patience + ":\n" + output());
    }
    return process.exitValue();
  }

  /** SIGTERM, as an orchestrator stops it, and its exit code once it has shut down within {@code patience}. */
  public int terminate(Duration patience) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("did not stop within " + patience + " of SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
