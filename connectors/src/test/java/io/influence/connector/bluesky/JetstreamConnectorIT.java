package io.influence.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.InteractionTopics;
import io.influence.connector.PublisherSettings;
import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.ConnectorSerializers;
import io.influence.connector.live.Frame;
import io.influence.connector.live.LiveConnector;
import io.influence.connector.live.LiveConnectorSettings;
import io.influence.connector.live.PublishedRecords;
import io.influence.connector.live.RecordedFrames;
import io.influence.connector.live.SyntheticFrames;
import io.influence.connector.live.TestWebSocketServer;
import io.influence.connector.live.TransactionalEventSink;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.embedded.BrokerWithAdmin;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bluesky connector end to end on a real broker: a local WebSocket server speaks Jetstream's v1
 * protocol with recorded frames (src/test/resources/jetstream/README.md), and the connector publishes
 * their events to {@code interactions.bluesky}, junk to {@code connector.bluesky.dlq} and an account's
 * deletion as an erasure request, in transactions with its cursor.
 */
class JetstreamConnectorIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String DELETED_ACCOUNT = "{\"did\":\"did:plc:hqvhxrowqbemo5e4wjnj6zao\",\"time_us\":1783175888390999,"
      + "\"kind\":\"account\",\"account\":{\"active\":false,\"did\":\"did:plc:hqvhxrowqbemo5e4wjnj6zao\",\"seq\":31527015472,"
      + "\"status\":\"deleted\",\"time\":\"2026-07-04T14:38:08.100Z\"}}";
  private static final String JUNK = "{\"did\": \"did:plc:x\", \"time_us\": \"not a number\", \"kind\": \"commit\"";

  @RegisterExtension
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @Test
  void recordedFramesBecomeTheirEventsAndJunkADeadLetterWhileTheStreamGoesOn() throws Exception {
    List<String> frames = new ArrayList<>(RecordedFrames.lines("jetstream/recorded.jsonl"));
    frames.add(2, JUNK);
    frames.add(DELETED_ACCOUNT);
    frames.addAll(RecordedFrames.lines("jetstream/composed.jsonl"));
    try (TestWebSocketServer server = new TestWebSocketServer((connection, request, session) -> {
      if (connection == 0) {
        for (String frame : frames) {
          session.sendText(frame);
        }
      }
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    })) {
      LiveConnector connector = connector("bluesky-recorded", server.uri()).start();
      try {
        Set<String> expected = expectedEventIds(frames);
        await().atMost(PATIENCE).until(() -> eventIds(InteractionTopics.topicFor("bluesky")).containsAll(expected));
        assertThat(eventIds(InteractionTopics.topicFor("bluesky"))).isEqualTo(expected);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = read("connector.bluesky.dlq");
        assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(new String(letter.value())).isEqualTo(JUNK));
        await().atMost(PATIENCE).until(() -> !read(TransactionalEventSink.ERASURES_TOPIC).isEmpty());
        assertThat(read(TransactionalEventSink.ERASURES_TOPIC)).singleElement()
            .satisfies(erasure -> assertThat(new String(erasure.key())).isEqualTo("bluesky:did:plc:hqvhxrowqbemo5e4wjnj6zao"));
      } finally {
        connector.close();
      }
    }
  }

  @Test
  void aConnectorKilledMidStreamAndRestartedFromItsCursorLosesNothing() throws Exception {
    List<String> frames = SyntheticFrames.likes(3_000);
    Map<Integer, URI> requests = new ConcurrentHashMap<>();
    TestWebSocketServer.Script jetstream = SyntheticFrames.fromTheCursorAsked(frames);
    try (TestWebSocketServer server = new TestWebSocketServer((connection, request, session) -> {
      requests.put(connection, request);
      jetstream.serve(connection, request, session);
    })) {
      String topic = InteractionTopics.topicFor("bluesky-restart");
      LiveConnector first = connector("bluesky-restart", server.uri()).start();
      await().atMost(PATIENCE).until(() -> eventIds(topic).size() >= 1_000);
      first.halt();

      LiveConnector second = connector("bluesky-restart", server.uri()).start();
      try {
        Set<String> expected = expectedEventIds(frames);
        await().atMost(PATIENCE).until(() -> eventIds(topic).containsAll(expected));
        assertThat(requests.get(1).getQuery()).as("the second session resumes from the cursor").contains("cursor=");
      } finally {
        second.close();
      }
    }
  }

  @Test
  void aStreamThatStallsIsDroppedAfterItsIdleTimeoutAndResumedWithoutALoss() throws Exception {
    List<String> frames = SyntheticFrames.likes(300);
    try (TestWebSocketServer server = new TestWebSocketServer((connection, request, session) -> {
      long cursor = SyntheticFrames.cursorOf(request);
      for (String frame : connection == 0 ? frames.subList(0, 100) : frames) {
        if (SyntheticFrames.timeUs(frame) >= cursor) {
          session.sendText(frame);
        }
      }
      // The first connection then stalls: open, but silent.
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    })) {
      String topic = InteractionTopics.topicFor("bluesky-stall");
      LiveConnector connector = connector("bluesky-stall", server.uri(), Duration.ofSeconds(2)).start();
      try {
        Set<String> expected = expectedEventIds(frames);
        await().atMost(PATIENCE).until(() -> eventIds(topic).containsAll(expected));
        assertThat(eventIds(topic)).isEqualTo(expected);
      } finally {
        connector.close();
      }
    }
  }

  private static LiveConnector connector(String name, URI host) {
    return connector(name, host, Duration.ofSeconds(30));
  }

  /** A connector of its own topic (but for "bluesky-recorded"), that drops a stream silent for {@code idleTimeout}. */
  private static LiveConnector connector(String name, URI host, Duration idleTimeout) {
    String network = name.equals("bluesky-recorded") ? JetstreamMapper.NETWORK : name;
    ConnectorMetrics metrics = new ConnectorMetrics(new SimpleMeterRegistry(), name, Clock.systemUTC());
    LiveConnectorSettings settings = LiveConnectorSettings.defaults(name, network,
        new PublisherSettings(kafka.bootstrapServers(), 2, (short) 1, false));
    return new LiveConnector(settings,
        () -> new JetstreamSource(List.of(host), Duration.ofSeconds(1), idleTimeout,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), metrics),
        frame -> onNetwork(new JetstreamMapper().map(frame), network),
        new ConnectorSerializers(PublishedRecords.avro(InteractionEvent.class), PublishedRecords.avro(ErasureRequest.class)), metrics, Clock.systemUTC());
  }

  /** The mapping with its events moved to {@code network}, so each test has a topic of its own. */
  private static io.influence.connector.live.FrameMapping onNetwork(io.influence.connector.live.FrameMapping mapping, String network) {
    return new io.influence.connector.live.FrameMapping(mapping.events().stream()
        .map(event -> InteractionEvent.newBuilder(event).setNetwork(network).build()).toList(),
        mapping.cursor(), mapping.streamTime(), mapping.skippedAs(), mapping.erasedUsers());
  }

  private static Set<String> expectedEventIds(List<String> frames) {
    Set<String> ids = new HashSet<>();
    JetstreamMapper mapper = new JetstreamMapper();
    for (String frame : frames) {
      try {
        mapper.map(Frame.message(frame)).events().forEach(event -> ids.add(event.getEventId()));
      } catch (UnmappableFrameException e) {
        // a dead letter, not an event
      }
    }
    return ids;
  }

  private static Set<String> eventIds(String topic) {
    return PublishedRecords.eventIds(kafka.bootstrapServers(), topic);
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
    return PublishedRecords.read(kafka.bootstrapServers(), topic);
  }
}
