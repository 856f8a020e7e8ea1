package io.influence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test certificate authority and a server certificate it signed for {@code localhost} and
 * {@code 127.0.0.1}, made for one test by the JDK's own {@code keytool}, in the forms TLS peers want: the
 * server's key store (PKCS12, with the chain), a trust store holding the CA (PKCS12, for Java clients)
 * and the CA as PEM (for librdkafka and Python's {@code requests}, whose OpenSSL refuses a self-signed
 * server certificate even when told to trust it).
 *
 * @param keyStore the server's private key and certificate chain
 * @param trustStore the CA's certificate, for clients to trust
 * @param caPem the CA's certificate in PEM
 * @param password the password of both stores
 */
public record TestCertificates(Path keyStore, Path trustStore, Path caPem, String password) {

  /** Creates the CA, the server certificate and their stores in {@code directory}. */
  public static TestCertificates createIn(Path directory) {
    String password = "test-store-password";
    String caStore = directory.resolve("ca.p12").toString();
    String keyStore = directory.resolve("server.p12").toString();
    String trustStore = directory.resolve("trust.p12").toString();
    String caPem = directory.resolve("ca.pem").toString();
    String request = directory.resolve("server.csr").toString();
    String serverPem = directory.resolve("server.pem").toString();
    String[] store = {"-storetype", "PKCS12", "-storepass", password};
    keytool(store, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=Influence test CA", "-ext", "BC:c=ca:true", "-ext", "KU:c=keyCertSign,cRLSign", "-keystore", caStore);
    keytool(store, "-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore, "-file", caPem);
    keytool(store, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-keystore", keyStore);
    keytool(store, "-certreq", "-alias", "server", "-keystore", keyStore, "-file", request);
    keytool(store, "-gencert", "-rfc", "-alias", "ca", "-keystore", caStore, "-infile", request, "-outfile", serverPem,
        "-validity", "2", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU:c=digitalSignature",
        "-ext", "EKU=serverAuth,clientAuth");
    keytool(store, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", keyStore);
    keytool(store, "-importcert", "-alias", "server", "-file", serverPem, "-keystore", keyStore);
    keytool(store, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", trustStore);
    return new TestCertificates(Path.of(keyStore), Path.of(trustStore), Path.of(caPem), password);
  }

  private static void keytool(String[] storeOptions, String... arguments) {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command")));
    List<String> command = new ArrayList<>();
    command.add(java.resolveSibling("keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of(storeOptions));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool beside " + java, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
