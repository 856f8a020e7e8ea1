package io.influence.connector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.influence.schema.InteractionType;
import io.influence.connector.SnapTemporalNetworkReader;
import io.influence.connector.SnapTemporalNetworkReader.TypedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real data sets in {@code ../shared/data}, beside the repository. Looking upwards from the
 * working directory finds them from the module directory Maven runs tests in. A developer's machine
 * without them skips the tests that need them; CI (where {@code CI} is set) has them, so there their
 * absence fails instead of silently skipping.
 */
public final class SharedData {
  private static final String DATA = "shared/data/";
  private static final String HIGGS_FILE = "higgs-activity_time.txt.gz";
  /**
   * MathOverflow's interactions by kind, in the order README's command gives them (it breaks ties of
   * time), with the type each is scored as: an answer replies, a comment comments.
   */
  private static final List<Map.Entry<String, InteractionType>> MATH_OVERFLOW_FILES = List.of(
      Map.entry("sx-mathoverflow-a2q.txt.gz", InteractionType.REPLY),
      Map.entry("sx-mathoverflow-c2q.txt.gz", InteractionType.COMMENT),
      Map.entry("sx-mathoverflow-c2a.txt.gz", InteractionType.COMMENT));

  private SharedData() {}

  /** The SNAP Higgs Twitter activity file: 563,069 interactions, 1–7 July 2012. */
  public static Path higgsFile() {
    return file(HIGGS_FILE);
  }

  /**
   * SNAP's sx-mathoverflow as one temporal network of the network {@code mathoverflow}: 506,550
   * answers and comments, 2009–2016, read as README's command reads them.
   */
  public static SnapTemporalNetworkReader mathOverflow(Instant until) {
    List<TypedFile> files = MATH_OVERFLOW_FILES.stream()
        .map(entry -> new TypedFile(file(entry.getKey()), entry.getValue()))
        .toList();
    return new SnapTemporalNetworkReader(files, "mathoverflow", until);
  }

  private static Path file(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DATA + name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    String missing = "no " + DATA + name + " above " + Path.of("").toAbsolutePath();
    if (System.getenv("CI") != null) {
      throw new AssertionError(missing);
    }
    assumeTrue(false, missing);
    throw new AssertionError("unreachable");
  }
}
