package io.influence.scorer.observability;

import io.influence.scorer.testing.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's prometheus and promtool, found on the PATH. */
final class PrometheusTools {
  private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);

  private PrometheusTools() {}

  /** The executable {@code name} on the PATH, or a failure saying which package brings it. */
  static Path binary(String name) {
    return ExternalTool.onPath(name, "install Debian's prometheus package "
        + "(apt-get install prometheus), which brings prometheus and promtool; .ci/run installs it");
  }

  /** Runs promtool with {@code args} in {@code dir}, its output and errors together. */
  static ExternalTool.Result promtool(Path dir, String... args) {
    return ExternalTool.run(dir, PROMTOOL_TIMEOUT, binary("promtool"), args);
  }
}
