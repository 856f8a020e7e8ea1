package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.embedded.TestCertificates;
import io.influence.registry.TrustStores;
import io.influence.registry.server.HttpsKeyStore;
import io.influence.scorer.access.ApiAccess;
import io.influence.scorer.access.BearerTokens;
import io.influence.scorer.access.RateLimiter;
import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.metrics.ScorerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's access policy as a client meets it: tokens, the instances' token, CORS, rate limits, header limits and TLS. */
class ApiSecurityTest {
  private static final String READER = "reader-token-0123456789abcdefghij";
  private static final String SCRAPER = "scraper-token-0123456789abcdefghi";
  private static final String INSTANCES = "instances-token-0123456789abcdefg";
  private static final String APP = "https://app.example.com";
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  private static ApiAccess secured(Optional<RateLimiter> limiter) {
    return new ApiAccess(Optional.of(BearerTokens.of("reader", READER)), Optional.of(BearerTokens.of("prometheus", SCRAPER)),
        Optional.of(BearerTokens.of("instances", INSTANCES)), List.of(APP), limiter);
  }

  private static HttpApi start(ApiAccess access) {
    return start(new ApiServerSettings(access, Optional.empty(), ApiServerSettings.DEFAULT_MAX_REQUEST_HEADER_BYTES,
        ApiServerSettings.DEFAULT_IDLE_TIMEOUT));
  }

  private static HttpApi start(ApiServerSettings settings) {
    Leaderboards leaderboards = new Leaderboards();
    leaderboards.update("twitter:88", new Leaderboards.Standing(54.2, Map.of("physics", 50.0)));
    return HttpApi.start(0, new HttpApi.Sources(null, null, LeaderboardsOnOneInstance.of(leaderboards), null, () -> KafkaStreams.State.RUNNING, () -> "# metrics\n",
        new ScorerMetrics(new SimpleMeterRegistry())), settings);
  }

  private static HttpResponse<String> get(HttpApi api, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiNeedsOneOfItsTokensAndAnswersWithoutOneAsJsonWithABearerChallenge() throws Exception {
    try (HttpApi api = start(secured(Optional.empty()))) {
      HttpResponse<String> anonymous = get(api, "/v1/leaders");
      HttpResponse<String> wrong = get(api, "/v1/leaders", "Authorization", "Bearer " + SCRAPER);

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"influence\"");
      assertThat(json.readTree(anonymous.body()).get("error").asText()).isEqualTo("unauthorized");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(get(api, "/v1/leaders", "Authorization", "Bearer " + READER).statusCode()).isEqualTo(200);
      assertThat(get(api, "/v1/leaders", "Authorization", "Bearer " + INSTANCES).statusCode()).as("another instance").isEqualTo(200);
    }
  }

  @Test
  void healthAndTheApiDescriptionStayOpenAndMetricsHaveTheirOwnToken() throws Exception {
    try (HttpApi api = start(secured(Optional.empty()))) {
      assertThat(get(api, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(api, "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(api, "/openapi.json").statusCode()).isEqualTo(200);
      assertThat(get(api, "/metrics").statusCode()).isEqualTo(401);
      assertThat(get(api, "/metrics", "Authorization", "Bearer " + READER).statusCode()).isEqualTo(401);
      assertThat(get(api, "/metrics", "Authorization", "Bearer " + SCRAPER).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onlyTheConfiguredOriginGetsCorsHeadersAndItsPreflightIsAnswered() throws Exception {
    try (HttpApi api = start(secured(Optional.empty()))) {
      HttpResponse<String> allowed = get(api, "/v1/leaders", "Origin", APP, "Authorization", "Bearer " + READER);
      HttpResponse<String> other = get(api, "/v1/leaders", "Origin", "https://evil.example", "Authorization", "Bearer " + READER);
      HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + "/v1/leaders"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", APP)
          .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());

      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("Authorization");
    }
  }

  @Test
  void aClientBeyondItsRateIsToldToRetryLaterButAnotherInstanceIsNot() throws Exception {
    try (HttpApi api = start(secured(Optional.of(new RateLimiter(1, 3))))) {
      for (int i = 0; i < 3; i++) {
        assertThat(get(api, "/v1/leaders", "Authorization", "Bearer " + READER).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = get(api, "/v1/leaders", "Authorization", "Bearer " + READER);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("1");
      JsonNode body = json.readTree(limited.body());
      assertThat(body.get("error").asText()).isEqualTo("rate_limited");
      assertThat(get(api, "/v1/leaders", "Authorization", "Bearer " + INSTANCES).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headersBeyondTheLimitAreRefusedBeforeAnyRoute() throws Exception {
    try (HttpApi api = start(ApiAccess.open())) {
      assertThat(get(api, "/v1/leaders", "X-Padding", "x".repeat(16 * 1024)).statusCode()).isEqualTo(431);
      assertThat(get(api, "/v1/leaders?padding=" + "x".repeat(16 * 1024)).statusCode()).isIn(414, 431);
    }
  }

  @Test
  void overTlsTheApiAnswersHttpsOnly(@TempDir Path directory) throws Exception {
    TestCertificates certificates = TestCertificates.createIn(directory);
    ApiServerSettings settings = new ApiServerSettings(ApiAccess.open(),
        Optional.of(HttpsKeyStore.pkcs12(certificates.keyStore(), certificates.password())),
        ApiServerSettings.DEFAULT_MAX_REQUEST_HEADER_BYTES, Duration.ofSeconds(5));
    try (HttpApi api = start(settings)) {
      HttpClient trusting = HttpClient.newBuilder()
          .sslContext(TrustStores.context(certificates.trustStore(), certificates.password(), "PKCS12")).build();
      HttpResponse<String> secure = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + api.port() + "/v1/leaders")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(secure.statusCode()).isEqualTo(200);
      assertThat(secure.body()).contains("twitter:88");
      // Plain HTTP meets a TLS alert, not an answer.
      assertThatThrownBy(() -> get(api, "/v1/leaders")).isInstanceOf(IOException.class);
    }
  }
}
