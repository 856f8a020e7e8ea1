package io.influence.scorer.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.PublisherSettings;
import io.influence.connector.TopicCreator;
import io.influence.connector.bluesky.JetstreamMapper;
import io.influence.connector.bluesky.JetstreamSource;
import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.ConnectorSerializers;
import io.influence.connector.live.Frame;
import io.influence.connector.live.LiveConnector;
import io.influence.connector.live.LiveConnectorSettings;
import io.influence.connector.live.RecordedFrames;
import io.influence.connector.live.SyntheticFrames;
import io.influence.connector.live.TestWebSocketServer;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.embedded.FreePorts;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.service.ScorerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's front door end to end: the Bluesky connector reads recorded Jetstream frames from a local
 * WebSocket server and publishes them through the Schema Registry, as it does in production, and the
 * scorer scores every event it published, with no dead letter: the two deployables agree on the contract.
 * A connector killed mid-stream resumes from its cursor, and every like is counted exactly once (what a
 * restart redelivers, the scorer's deduplication drops).
 */
class BlueskyToScoresIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir
  Path work;

  @Test
  void everyEventTheConnectorPublishesIsScoredAndItsMostEngagedAccountGetsAScore() throws Exception {
    List<String> frames = new ArrayList<>(RecordedFrames.lines("jetstream/recorded.jsonl"));
    frames.addAll(RecordedFrames.lines("jetstream/composed.jsonl"));
    List<InteractionEvent> expected = events(frames);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts();
        TestWebSocketServer jetstream = new TestWebSocketServer((connection, request, session) -> {
          if (connection == 0) {
            for (String frame : frames) {
              session.sendText(frame);
            }
          }
          Thread.sleep(Duration.ofMinutes(5).toMillis());
        })) {
      PublisherSettings publishing = new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, false);
      createInteractionsTopic(publishing);
      try (ScorerService scorer = ScorerService.start(stack.scorerConfig(work.resolve("state"), FreePorts.next()), Clock.systemUTC())) {
        scorer.awaitRunning(Duration.ofMinutes(1));
        LiveConnector connector = connector(publishing, new RestSchemaRegistryClient(stack.schemaRegistryUrl()), jetstream.uri()).start();
        try {
          await().atMost(PATIENCE).until(() -> scorer.metrics().allOutcomes() >= expected.size());
        } finally {
          connector.close();
        }

        assertThat(scorer.metrics().allOutcomes()).isEqualTo(expected.size());
        assertThat(scorer.metrics().outcomes(EventOutcome.DLQ)).as("dead letters at the scorer").isZero();
        assertThat(scorer.metrics().outcomes(EventOutcome.SCORED)).isPositive();
        String mostEngaged = mostEngagedTarget(expected);
        assertThat(get(scorer, "/v1/users/" + mostEngaged)).contains("\"networks\":[{\"network\":\"bluesky\"");
      }
    }
  }

  @Test
  void aConnectorKilledMidStreamAndRestartedLosesNothingAndTheScorerCountsEachLikeOnce() throws Exception {
    List<String> frames = SyntheticFrames.likes(3_000);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts();
        TestWebSocketServer jetstream = new TestWebSocketServer(SyntheticFrames.fromTheCursorAsked(frames))) {
      PublisherSettings publishing = new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, false);
      createInteractionsTopic(publishing);
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
      try (ScorerService scorer = ScorerService.start(stack.scorerConfig(work.resolve("state"), FreePorts.next()), Clock.systemUTC())) {
        scorer.awaitRunning(Duration.ofMinutes(1));
        LiveConnector first = connector(publishing, registry, jetstream.uri()).start();
        await().atMost(PATIENCE).until(() -> scorer.metrics().allOutcomes() >= 1_000);
        first.halt();
        LiveConnector second = connector(publishing, registry, jetstream.uri()).start();
        try {
          await().atMost(PATIENCE).until(() -> scorer.metrics().allOutcomes() - scorer.metrics().outcomes(EventOutcome.DUPLICATE) >= frames.size());
        } finally {
          second.close();
        }

        for (int star = 0; star < 5; star++) {
          String user = "/v1/users/bluesky:" + SyntheticFrames.star(star);
          await().atMost(PATIENCE).until(() -> get(scorer, user).contains("\"like\":600"));
        }
      }
    }
  }

  private static void createInteractionsTopic(PublisherSettings publishing) {
    try (Admin admin = Admin.create(publishing.clientConfig(Map.of()))) {
      // The connector topic exists before the scorer subscribes, so its pattern finds it at once.
      new TopicCreator(admin, publishing.bootstrapServers()).ensure(new NewTopic("interactions.bluesky", Optional.of(4), Optional.of((short) 1)));
    }
  }

  private static String get(ScorerService scorer, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + scorer.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }


  private static LiveConnector connector(PublisherSettings publishing, RestSchemaRegistryClient registry, URI jetstream) {
    ConnectorMetrics metrics = new ConnectorMetrics(new SimpleMeterRegistry(), "bluesky", Clock.systemUTC());
    return new LiveConnector(LiveConnectorSettings.defaults("bluesky", JetstreamMapper.NETWORK, publishing),
        () -> new JetstreamSource(List.of(jetstream), Duration.ofSeconds(1), Duration.ofSeconds(30),
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), metrics),
        new JetstreamMapper(),
        ConnectorSerializers.viaRegistry(registry),
        metrics, Clock.systemUTC());
  }

  private static List<InteractionEvent> events(List<String> frames) {
    List<InteractionEvent> events = new ArrayList<>();
    JetstreamMapper mapper = new JetstreamMapper();
    for (String frame : frames) {
      try {
        events.addAll(mapper.map(Frame.message(frame)).events());
      } catch (UnmappableFrameException e) {
        throw new AssertionError("a recorded frame the mapper refuses: " + frame, e);
      }
    }
    return events;
  }

  /** The user id of the account that the most events target. */
  private static String mostEngagedTarget(List<InteractionEvent> events) {
    Map<String, Integer> counts = new HashMap<>();
    events.stream().filter(event -> event.getTargetAccount() != null)
        .forEach(event -> counts.merge(event.getTargetAccount().toString(), 1, Integer::sum));
    return "bluesky:" + counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
