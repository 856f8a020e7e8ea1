package io.influence.scorer.access;

import io.influence.registry.CredentialsFile;
import io.influence.registry.CredentialsFile.Credential;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens a caller may present, from a file of {@code name:token} lines ({@code #} starts a
 * comment). The name says whose token it is in the log and the metrics; the token is kept only as its
 * SHA-256 digest, and compared in constant time ({@link CredentialsFile}).
 */
public final class BearerTokens {
  /** Shorter tokens can be guessed; 128 bits of randomness are 22 base64 characters. */
  static final int MIN_TOKEN_LENGTH = 22;

  private final List<Credential> holders;

  private BearerTokens(List<Credential> holders) {
    this.holders = holders;
  }

  /**
   * The tokens of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line that is wrong
   */
  public static BearerTokens load(Path file) {
    List<Credential> holders = CredentialsFile.read(file, "the tokens file", "name:token", BearerTokens::requireStrong);
    if (holders.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no token, so nobody could call the API");
    }
    return new BearerTokens(holders);
  }

  /** One token, named {@code name}. */
  public static BearerTokens of(String name, String token) {
    requireStrong(token, name);
    return new BearerTokens(List.of(CredentialsFile.of(name, token)));
  }

  /** The name of whoever holds {@code token}, if anyone does. Every token is compared, whichever matches. */
  public Optional<String> holderOf(String token) {
    String found = null;
    for (Credential holder : holders) {
      if (holder.matches(token)) {
        found = holder.name();
      }
    }
    return Optional.ofNullable(found);
  }

  private static void requireStrong(String token, String where) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(where + ": a token must be at least " + MIN_TOKEN_LENGTH
          + " characters (e.g. openssl rand -base64 24)");
    }
  }
}
