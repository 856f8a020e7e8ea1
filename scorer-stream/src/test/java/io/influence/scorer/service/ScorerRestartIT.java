package io.influence.scorer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboards live in heap, so an instance that starts without local state must restore the
 * published-scores store from its changelog and rank what it holds again before it answers; it counts
 * what it restored ({@code influence_state_records_restored_total}).
 */
class ScorerRestartIT {
  /** Each run's state in a directory of its own in here, deleted after the tests. */
  @TempDir
  static Path states;

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void anInstanceStartedWithoutLocalStateRanksTheScoresPublishedBeforeIt() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
      JsonNode leadersBefore;
      try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 2, (short) 1, true),
          ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer());
          ScorerService first = ScorerService.start(config(stack), Clock.systemUTC())) {
        publisher.ensureTopic("twitter");
        Instant at = Instant.parse("2012-07-04T09:00:00Z");
        // One engagement per target: each publishes one score, so two ranked users are all there will be.
        publisher.publish(Shares.share("e1", "fan1", "cern", at));
        publisher.publish(Shares.share("e2", "fan2", "atlas", at.plusSeconds(60)));
        publisher.flush();
        await().atMost(PATIENCE).until(() -> leaders(first).path("users").asInt() == 2);
        leadersBefore = leaders(first);
        assertThat(first.metrics().recordsRestored()).as("records restored by the first instance, on empty changelogs").isZero();
      }

      try (ScorerService restarted = ScorerService.start(config(stack), Clock.systemUTC())) {
        await().atMost(PATIENCE).until(() -> get(restarted, "/health/ready").statusCode() == 200);

        assertThat(leaders(restarted)).isEqualTo(leadersBefore);
        assertThat(leadersBefore.get("partial").asBoolean()).isFalse();
        // Two users' scores and state, at least, came back from the changelogs: /metrics says how many.
        assertThat(restarted.metrics().recordsRestored()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  private static ScorerConfig config(EmbeddedStack stack) throws Exception {
    return stack.scorerConfig(Files.createTempDirectory(states, "instance"), FreePorts.next()).with(Map.of("commit.interval", "200ms"));
  }

  private static JsonNode leaders(ScorerService instance) throws Exception {
    return json.readTree(get(instance, "/v1/leaders?limit=10").body());
  }

  private static HttpResponse<String> get(ScorerService instance, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
