package io.influence.registry.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The certificate and private key an HTTPS server presents, in a PKCS12 (or JKS) key store.
 *
 * @param location the key store file
 * @param password its password, which also protects the key
 * @param type {@code PKCS12} or {@code JKS}
 */
public record HttpsKeyStore(Path location, String password, String type) {
  public HttpsKeyStore {
    if (!Files.isReadable(location)) {
      throw new IllegalArgumentException("the HTTPS key store " + location + " is not a readable file");
    }
  }

  /** A key store of the default type, PKCS12. */
  public static HttpsKeyStore pkcs12(Path location, String password) {
    return new HttpsKeyStore(location, password, "PKCS12");
  }

  /** A Jetty connector on {@code port} (0 for any free one) that speaks only HTTPS, with TLS 1.2 or later. */
  public ServerConnector connector(Server server, HttpConfiguration http, int port) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(location.toAbsolutePath().toString());
    tls.setKeyStorePassword(password);
    tls.setKeyStoreType(type);
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration(http);
    // The test certificates and many internal ones name "localhost" or an IP; clients check the name, not Jetty.
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    customizer.setSniHostCheck(false);
    https.addCustomizer(customizer);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    connector.setPort(port);
    return connector;
  }

  @Override
  public String toString() {
    return "HttpsKeyStore[" + location + ", " + type + "]";
  }
}
