package io.influence.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A file of {@code name:secret} lines ({@code #} starts a comment), as the registry's users file and the
 * HTTP API's token files are written. Each secret is kept only as its SHA-256 digest and compared with
 * {@link MessageDigest#isEqual}, which takes the same time wherever two digests differ, so the time of an
 * answer tells nothing about a secret.
 */
public final class CredentialsFile {
  /** One line: whose secret it is, and the secret's digest. */
  public record Credential(String name, byte[] digest) {

    /** Whether {@code presented} is this secret, in constant time. */
    public boolean matches(String presented) {
      return MessageDigest.isEqual(digest, CredentialsFile.digest(presented));
    }
  }

  private CredentialsFile() {}

  /**
   * The credentials of {@code file}, in its order.
   *
   * @param description what the file is, for errors ("the registry's users file")
   * @param lineShape what a line must look like, for errors ("user:password")
   * @param checkSecret throws {@link IllegalArgumentException} for a secret too weak to accept, given it and
   *     {@code file:line}
   * @throws IllegalArgumentException naming the file, and the line that is wrong
   */
  public static List<Credential> read(Path file, String description, String lineShape, BiConsumer<String, String> checkSecret) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + description + " " + file + ": " + e.getMessage(), e);
    }
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1);
      int colon = line.indexOf(':');
      if (colon <= 0 || colon == line.length() - 1) {
        throw new IllegalArgumentException(where + ": expected " + lineShape);
      }
      String secret = line.substring(colon + 1);
      checkSecret.accept(secret, where);
      credentials.add(new Credential(line.substring(0, colon), digest(secret)));
    }
    return List.copyOf(credentials);
  }

  /** One credential, not from a file. */
  public static Credential of(String name, String secret) {
    return new Credential(name, digest(secret));
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
