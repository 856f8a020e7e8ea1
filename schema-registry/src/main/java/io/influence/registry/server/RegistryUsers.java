package io.influence.registry.server;

import io.influence.registry.CredentialsFile;
import io.influence.registry.CredentialsFile.Credential;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may use the registry: the users of a credentials file, one {@code user:password} a line ({@code #}
 * starts a comment). Like the password file of Confluent's {@code PropertyFileLoginModule}, it holds
 * the passwords themselves, so only the registry's own account may read it (docs/SECURITY.md). Passwords
 * are compared as digests in constant time ({@link CredentialsFile}).
 */
public final class RegistryUsers {
  /** Compared with when the user is unknown, so that answering does not reveal which users exist. */
  private static final Credential NOBODY = CredentialsFile.of("", "");

  private final Map<String, Credential> users;

  private RegistryUsers(Map<String, Credential> users) {
    this.users = users;
  }

  /**
   * The users of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line that is not {@code user:password}
   */
  public static RegistryUsers load(Path file) {
    Map<String, Credential> users = new HashMap<>();
    CredentialsFile.read(file, "the registry's users file", "user:password", (password, where) -> { })
        .forEach(user -> users.put(user.name(), user));
    if (users.isEmpty()) {
      throw new IllegalArgumentException("the registry's users file " + file + " names no user, so nobody could use the registry");
    }
    return new RegistryUsers(users);
  }

  /** Whether {@code user} exists and {@code password} is theirs. */
  boolean accepts(String user, String password) {
    Credential known = users.get(user);
    return (known == null ? NOBODY : known).matches(password) && known != null;
  }
}
