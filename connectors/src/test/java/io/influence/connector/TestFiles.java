package io.influence.connector;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small input files for reader tests, plain or gzipped. */
final class TestFiles {
  private TestFiles() {}

  static Path plain(Path directory, String name, String... lines) {
    return write(directory.resolve(name), false, lines);
  }

  static Path gzipped(Path directory, String name, String... lines) {
    return write(directory.resolve(name), true, lines);
  }

  private static Path write(Path file, boolean gzip, String... lines) {
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
