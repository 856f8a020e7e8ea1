package io.influence.scorer.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens a caller may present, from a file of {@code name:token} lines ({@code #} starts a
 * comment). The name says whose token it is in the log and the metrics; the token is kept only as its
 * SHA-256 digest, and compared in constant time, so the time of an answer tells nothing about it.
 */
public final class BearerTokens {
  /** Shorter tokens can be guessed; 128 bits of randomness are 22 base64 characters. */
  static final int MIN_TOKEN_LENGTH = 22;

  private record Holder(String name, byte[] digest) {}

  private final List<Holder> holders;

  private BearerTokens(List<Holder> holders) {
    this.holders = holders;
  }

  /**
   * The tokens of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line that is wrong
   */
  public static BearerTokens load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Holder> holders = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected name:token");
      }
      holders.add(new Holder(line.substring(0, colon), digest(requireStrong(line.substring(colon + 1), file + ":" + (i + 1)))));
    }
    if (holders.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no token, so nobody could call the API");
    }
    return new BearerTokens(List.copyOf(holders));
  }

  /** One token, named {@code name}. */
  public static BearerTokens of(String name, String token) {
    return new BearerTokens(List.of(new Holder(name, digest(requireStrong(token, name)))));
  }

  /** The name of whoever holds {@code token}, if anyone does. Every token is compared, whichever matches. */
  public Optional<String> holderOf(String token) {
    byte[] presented = digest(token);
    String found = null;
    for (Holder holder : holders) {
      if (MessageDigest.isEqual(holder.digest(), presented)) {
        found = holder.name();
      }
    }
    return Optional.ofNullable(found);
  }

  private static String requireStrong(String token, String where) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(where + ": a token must be at least " + MIN_TOKEN_LENGTH
          + " characters (e.g. openssl rand -base64 24)");
    }
    return token;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
