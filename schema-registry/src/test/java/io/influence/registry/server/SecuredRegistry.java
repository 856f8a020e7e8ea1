package io.influence.registry.server;

import io.influence.embedded.BrokerWithAdmin;
import io.influence.embedded.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Our registry with basic auth and HTTPS on, over the broker of a {@link BrokerWithAdmin} registered
 * before it, with a certificate made for the test class:
 * {@code @RegisterExtension @Order(2) static final SecuredRegistry registry = new SecuredRegistry(kafka, "user:password");}
 */
public final class SecuredRegistry implements BeforeAllCallback, AfterAllCallback {
  private final BrokerWithAdmin kafka;
  private final String usersFile;
  private Path directory;
  private TestCertificates certificates;
  private EmbeddedSchemaRegistry registry;

  /** A registry whose users are {@code users}, each {@code user:password}. */
  public SecuredRegistry(BrokerWithAdmin kafka, String... users) {
    this.kafka = kafka;
    this.usersFile = String.join("\n", users) + "\n";
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    directory = Files.createTempDirectory("secured-registry");
    certificates = TestCertificates.createIn(directory);
    Path users = Files.writeString(directory.resolve("registry-users"), usersFile);
    registry = EmbeddedSchemaRegistry.start(new RegistryServerSettings(Map.of("bootstrap.servers", kafka.bootstrapServers()), 0,
        Optional.of(RegistryUsers.load(users)), Optional.of(HttpsKeyStore.pkcs12(certificates.keyStore(), certificates.password()))));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (registry != null) {
      registry.close();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(SecuredRegistry::delete);
    }
  }

  /** Its {@code https://} URL. */
  public String url() {
    return registry.url();
  }

  /** The certificates it presents, and the trust store and PEM that trust them. */
  public TestCertificates certificates() {
    return certificates;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
