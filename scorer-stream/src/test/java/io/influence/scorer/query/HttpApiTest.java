package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.metrics.ScorerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the API answers without asking any state store: bad input, leaderboards (from their index) and
 * its own description. The stores and routing are exercised on a real broker by TwoInstancesIT.
 */
class HttpApiTest {
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();
  private static HttpApi api;

  @BeforeAll
  static void start() {
    Leaderboards leaderboards = new Leaderboards();
    leaderboards.update("twitter:88", new Leaderboards.Standing(54.193, Map.of("physics", 50.0)));
    leaderboards.update("twitter:7", new Leaderboards.Standing(20.0, Map.of("physics", 60.0, "cooking", 10.0)));
    // No stores, routing or instances: every request here must be answered before they would be asked.
    api = HttpApi.start(0, new HttpApi.Sources(null, null, LeaderboardsOnOneInstance.of(leaderboards), null, () -> KafkaStreams.State.RUNNING, () -> "",
        new ScorerMetrics(new SimpleMeterRegistry())));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(String path, int status, String code) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("error").asText()).as(path).isEqualTo(code);
    assertThat(body.get("message").asText()).as(path).isNotBlank();
  }

  @Test
  void invalidUserIdsAreRejectedWithA400ForEveryUserRoute() throws Exception {
    assertError("/v1/users/bad%20id", 400, "invalid_user_id");
    assertError("/v1/users/bad%20id/history", 400, "invalid_user_id");
    assertError("/v1/users/bad%20id/explain", 400, "invalid_user_id");
    assertError("/v1/users/" + "x".repeat(257), 400, "invalid_user_id");
  }

  @Test
  void limitsAndDaysOutOfRangeOrNotNumbersAreRejectedWithA400() throws Exception {
    assertError("/v1/leaders?limit=0", 400, "invalid_limit");
    assertError("/v1/leaders?limit=101", 400, "invalid_limit");
    assertError("/v1/leaders?limit=ten", 400, "invalid_limit");
    assertError("/v1/topics/physics/leaders?limit=-1", 400, "invalid_limit");
    assertError("/v1/users/twitter:88/history?days=0", 400, "invalid_days");
    assertError("/v1/users/twitter:88/history?days=91", 400, "invalid_days");
  }

  @Test
  void anUnknownTopicIsA404AndAnEmptyOneA400() throws Exception {
    assertError("/v1/topics/knitting/leaders", 404, "topic_not_found");
    assertError("/v1/topics/%23%20/leaders", 400, "invalid_topic");
  }

  @Test
  void leaderboardsRankFromTheIndexAndNormaliseTheTopic() throws Exception {
    JsonNode global = json.readTree(get("/v1/leaders?limit=1").body());
    assertThat(global.get("users").asInt()).isEqualTo(2);
    assertThat(global.get("leaders")).hasSize(1);
    assertThat(global.get("leaders").get(0).get("userId").asText()).isEqualTo("twitter:88");
    assertThat(global.get("leaders").get(0).get("score").asDouble()).isEqualTo(54.19);

    JsonNode physics = json.readTree(get("/v1/topics/%23Physics/leaders").body());
    assertThat(physics.get("topic").asText()).isEqualTo("physics");
    assertThat(physics.get("leaders").findValuesAsText("userId")).containsExactly("twitter:7", "twitter:88");
    assertThat(physics.get("leaders").findValuesAsText("rank")).containsExactly("1", "2");
  }

  @Test
  void theOpenApiDocumentDescribesExactlyTheRoutesServed() throws Exception {
    HttpResponse<String> response = get("/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = json.readTree(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.");
    List<String> documented = new ArrayList<>();
    document.get("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(HttpApi.ROUTES);
    for (String route : HttpApi.ROUTES) {
      // A user's own state answers 404 for a user it does not hold; linked accounts are a list, possibly empty.
      if (route.startsWith("/v1/users/") && !route.endsWith("/accounts")) {
        JsonNode responses = document.get("paths").get(route).get("get").get("responses");
        assertThat(responses.has("400") && responses.has("404") && responses.has("503")).as(route).isTrue();
      }
    }
  }

  @Test
  void theRootSaysWhatTheServiceIsAndWhereItsApiIsDescribed() throws Exception {
    HttpResponse<String> response = get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode index = json.readTree(response.body());
    assertThat(index.get("openapi").asText()).isEqualTo("/openapi.json");
    assertThat(index.get("routes").toString()).contains("/v1/users/{userId}", "/v1/leaders");
  }

  @Test
  void anUnknownPathIsAJson404() throws Exception {
    assertError("/v2/nothing", 404, "not_found");
  }
}
