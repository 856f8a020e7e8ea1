package io.influence.scorer.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program the integration tests run as a real peer (promtool, yamllint, kubectl), found on the PATH. */
public final class ExternalTool {
  private ExternalTool() {}

  /** What a finished command printed, output and errors together, and how it ended. */
  public record Result(int exitCode, String output) {}

  /**
   * The executable {@code name} on the PATH.
   *
   * @param howToInstall said in the failure when it is missing, e.g. which package brings it
   */
  public static Path onPath(String name, String howToInstall) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(name + " is not on the PATH: " + howToInstall);
  }

  /** Runs {@code executable} with {@code args} in {@code dir}; fails if it takes longer than {@code timeout}. */
  public static Result run(Path dir, Duration timeout, Path executable, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
