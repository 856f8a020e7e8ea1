package io.influence.registry.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use the registry: the users of a credentials file, one {@code user:password} a line ({@code #}
 * starts a comment). Like the password file of Confluent's {@code PropertyFileLoginModule}, it holds
 * the passwords themselves, so only the registry's own account may read it (docs/SECURITY.md).
 *
 * <p>Passwords are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same
 * time wherever two digests differ, so the time of an answer tells nothing about the password.
 */
public final class RegistryUsers {
  private final Map<String, byte[]> passwordDigests;

  private RegistryUsers(Map<String, byte[]> passwordDigests) {
    this.passwordDigests = passwordDigests;
  }

  /**
   * The users of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line that is not {@code user:password}
   */
  public static RegistryUsers load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the registry's users file " + file + ": " + e.getMessage(), e);
    }
    Map<String, byte[]> digests = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || colon == line.length() - 1) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected user:password");
      }
      digests.put(line.substring(0, colon), digest(line.substring(colon + 1)));
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("the registry's users file " + file + " names no user, so nobody could use the registry");
    }
    return new RegistryUsers(digests);
  }

  /** Whether {@code user} exists and {@code password} is theirs. */
  boolean accepts(String user, String password) {
    byte[] expected = passwordDigests.get(user);
    // An unknown user is compared too, so that answering does not reveal which users exist.
    return MessageDigest.isEqual(expected == null ? digest("") : expected, digest(password)) && expected != null;
  }

  private static byte[] digest(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
