package io.influence.scorer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets in {@code ../shared/data}, beside the repository. Looking upwards from the
 * working directory finds them from the module directory Maven runs tests in. A developer's machine
 * without them skips the tests that need them; CI (where {@code CI} is set) has them, so there their
 * absence fails instead of silently skipping.
 */
public final class SharedData {
  private static final String HIGGS_FILE = "shared/data/higgs-activity_time.txt.gz";

  private SharedData() {}

  /** The SNAP Higgs Twitter activity file: 563,069 interactions, 1–7 July 2012. */
  public static Path higgsFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(HIGGS_FILE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    String missing = "no " + HIGGS_FILE + " above " + Path.of("").toAbsolutePath();
    if (System.getenv("CI") != null) {
      throw new AssertionError(missing);
    }
    assumeTrue(false, missing);
    throw new AssertionError("unreachable");
  }
}
