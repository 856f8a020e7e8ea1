package io.influence.registry.server;

import static io.influence.registry.server.TestSchemas.USER;
import static io.influence.registry.server.TestSchemas.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.embedded.BrokerWithAdmin;
import io.influence.registry.RegistryClientListener;
import io.influence.registry.RegistryClientSecurity;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry with basic auth and HTTPS on, and our client configured with Confluent's keys:
 * a known user gets in over TLS; no credentials, a wrong password, an untrusted certificate or plain
 * HTTP do not.
 */
class SecuredSchemaRegistryIT {
  private static final RestSchemaRegistryClient.Settings ONE_ATTEMPT = new RestSchemaRegistryClient.Settings(
      Duration.ofSeconds(10), 1, Duration.ZERO, Duration.ZERO);

  @RegisterExtension
  @Order(1)
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @RegisterExtension
  @Order(2)
  static final SecuredRegistry registry = new SecuredRegistry(kafka, "# who may use the registry", "scorer:s3cret:with:colons",
      "connector:other");

  @Test
  void aKnownUserTrustingTheCertificateRegistersAndReadsSchemasOverHttps() {
    RestSchemaRegistryClient client = client(Map.of(
        RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
        RegistryClientSecurity.USER_INFO, "scorer:s3cret:with:colons"), registry.url());

    int id = client.register("secured-value", parse(USER));

    assertThat(registry.url()).startsWith("https://");
    assertThat(client.schemaById(id)).isEqualTo(parse(USER));
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAsConfluentsDefaultSourceDoes() {
    String url = registry.url().replace("https://", "https://connector:other@");

    assertThat(client(Map.of(), url).register("from-url-value", parse(USER))).isPositive();
  }

  @Test
  void aRequestWithoutCredentialsIsRefusedWithConfluentsUnauthorizedError() {
    assertThatThrownBy(() -> client(Map.of(), registry.url()).register("anonymous-value", parse(USER)))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.errorCode()).isEqualTo(401);
        });
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() {
    for (String userInfo : new String[] {"scorer:guess", "nobody:other", "connector:"}) {
      assertThatThrownBy(() -> client(Map.of(RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
          RegistryClientSecurity.USER_INFO, userInfo), registry.url()).latest("secured-value"))
          .as(userInfo)
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    }
  }

  @Test
  void theRefusalChallengesForBasicAuthSoBrowsersAndCurlKnowWhatToSend() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(trusting(Map.of(), registry.url()).sslContext()).build();

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.body()).isEqualTo("{\"error_code\":401,\"message\":\"HTTP 401 Unauthorized\"}");
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateCannotConnect() {
    RestSchemaRegistryClient untrusting = new RestSchemaRegistryClient(registry.url().replace("https://", "https://scorer:s3cret:with:colons@"),
        ONE_ATTEMPT, RegistryClientListener.NONE, RegistryClientSecurity.fromConfigs(Map.of(), registry.url()));

    assertThatThrownBy(() -> untrusting.latest("secured-value"))
        .isInstanceOf(SchemaRegistryException.class)
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void plainHttpToTheHttpsPortGetsNoAnswer() {
    String plain = registry.url().replace("https://", "http://");

    assertThatThrownBy(() -> client(Map.of(RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
        RegistryClientSecurity.USER_INFO, "scorer:s3cret:with:colons"), plain).latest("secured-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isNotEqualTo(200));
  }

  private static RestSchemaRegistryClient client(Map<String, Object> credentials, String url) {
    return new RestSchemaRegistryClient(url, ONE_ATTEMPT, RegistryClientListener.NONE, trusting(credentials, url));
  }

  /** {@code credentials} and the test certificate's trust store, as Confluent's keys configure them. */
  private static RegistryClientSecurity trusting(Map<String, Object> credentials, String url) {
    Map<String, Object> configs = new HashMap<>(credentials);
    configs.put(RegistryClientSecurity.TRUSTSTORE_LOCATION, registry.certificates().trustStore().toString());
    configs.put(RegistryClientSecurity.TRUSTSTORE_PASSWORD, registry.certificates().password());
    return RegistryClientSecurity.fromConfigs(configs, url);
  }
}
