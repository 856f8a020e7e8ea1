package io.influence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory under the OS temp folder that lives as long as one run: the embedded broker's log, or
 * the state of a {@code demo} or {@code replay}, which no later run may resume. Closing deletes it, so
 * a run leaves nothing behind; only a process killed with SIGKILL leaves its directory, named with the
 * prefix {@code influence-} so that it can be found.
 */
public final class ScratchDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScratchDirectory.class);

  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  /** Creates {@code <tmp>/influence-<purpose>-<random>}. */
  public static ScratchDirectory create(String purpose) {
    try {
      return new ScratchDirectory(Files.createTempDirectory("influence-" + purpose + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the " + purpose + " in " + System.getProperty("java.io.tmpdir"), e);
    }
  }

  public Path path() {
    return path;
  }

  /** Deletes the directory and everything in it; what cannot be deleted is logged, not thrown, so that a shutdown goes on. */
  @Override
  public void close() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::delete);
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not delete {}: {}", path, e.getMessage());
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
