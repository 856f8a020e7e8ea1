package io.influence.connector.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the recorded frames under src/test/resources, one a line (their README says where each came from). */
public final class RecordedFrames {
  private RecordedFrames() {}

  public static List<String> lines(String resource) {
    try (InputStream in = RecordedFrames.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
