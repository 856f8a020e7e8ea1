package io.influence.scorer.observability;

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

/** Debian's prometheus and promtool, found on the PATH. */
final class PrometheusTools {
  private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);

  private PrometheusTools() {}

  /** The executable {@code name} on the PATH, or a failure saying which package brings it. */
  static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(name + " is not on the PATH: install Debian's prometheus package "
        + "(apt-get install prometheus), which brings prometheus and promtool; .ci/run installs it");
  }

  /** What a finished command printed, and how it ended. */
  record Result(int exitCode, String output) {}

  /** Runs promtool with {@code args} in {@code dir}, its output and errors together. */
  static Result promtool(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary("promtool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(PROMTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in " + PROMTOOL_TIMEOUT);
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
