package io.influence.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts that trust the certificates of a trust store file, for clients of servers the JDK does not trust. */
public final class TrustStores {
  private TrustStores() {}

  /**
   * A context trusting the certificates in {@code location}.
   *
   * @param type {@code PKCS12} or {@code JKS}
   * @throws IOException if the file cannot be read, or its password is wrong
   * @throws GeneralSecurityException if it is not a trust store of that type
   */
  public static SSLContext context(Path location, String password, String type) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(location)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    }
  }
}
