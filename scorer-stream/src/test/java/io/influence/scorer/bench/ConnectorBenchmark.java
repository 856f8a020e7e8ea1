package io.influence.scorer.bench;

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
import io.influence.connector.live.TestWebSocketServer;
import io.influence.connector.live.UnmappableFrameException;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.embedded.EmbeddedStack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How fast the Bluesky connector turns Jetstream frames into published events. Frames are the recorded
 * ones (likes, reposts, posts with replies, quotes, mentions and tags, follows, deletions), renumbered
 * to be distinct. Two figures:
 * <ul>
 *   <li><b>map and serialize, one thread</b>: JetstreamMapper and the registry's Avro serializer on this
 *   thread alone, which is the connector's CPU cost per frame (frames/s on one core);</li>
 *   <li><b>end to end</b>: a LiveConnector reading the frames from a local WebSocket server and publishing
 *   them in transactions with its cursor to the embedded broker, all in this JVM on this machine's cores,
 *   timed until the last event is committed.</li>
 * </ul>
 */
public final class ConnectorBenchmark {
  private ConnectorBenchmark() {}

  /** Arguments: frames (default 200,000). */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    List<String> frames = frames(count);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
      Serializer<InteractionEvent> events = ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer();
      mapAndSerialize(frames.subList(0, Math.min(50_000, count)), events);
      long started = System.nanoTime();
      long published = mapAndSerialize(frames, events);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("map and serialize, one thread: %,.0f frames/s (%,d frames, %,d events, %.2f s)%n",
          count / seconds, count, published, seconds);
      endToEnd(stack, registry, events, frames, published);
    }
  }

  private static long mapAndSerialize(List<String> frames, Serializer<InteractionEvent> serializer) throws UnmappableFrameException {
    JetstreamMapper mapper = new JetstreamMapper();
    long events = 0;
    for (String frame : frames) {
      for (InteractionEvent event : mapper.map(Frame.message(frame)).events()) {
        serializer.serialize("interactions.bluesky", event);
        events++;
      }
    }
    return events;
  }

  private static void endToEnd(EmbeddedStack stack, RestSchemaRegistryClient registry, Serializer<InteractionEvent> events,
      List<String> frames, long expected) throws Exception {
    PublisherSettings publishing = new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, false);
    try (Admin admin = Admin.create(publishing.clientConfig(Map.of()))) {
      new TopicCreator(admin, stack.bootstrapServers()).ensure(new NewTopic("interactions.bluesky", Optional.of(4), Optional.of((short) 1)));
    }
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ConnectorMetrics metrics = new ConnectorMetrics(meters, "bluesky", Clock.systemUTC());
    try (TestWebSocketServer jetstream = new TestWebSocketServer((connection, request, session) -> {
      for (String frame : frames) {
        session.sendText(frame);
      }
      Thread.sleep(Duration.ofMinutes(30).toMillis());
    })) {
      long started = System.nanoTime();
      LiveConnector connector = new LiveConnector(LiveConnectorSettings.defaults("bluesky", JetstreamMapper.NETWORK, publishing),
          () -> new JetstreamSource(List.of(jetstream.uri()), Duration.ofSeconds(1), Duration.ofSeconds(60),
              new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), metrics),
          new JetstreamMapper(),
          new ConnectorSerializers(events, ConfluentAvroSerde.forValues(registry, ErasureRequest.class).serializer()),
          metrics, Clock.systemUTC()).start();
      try {
        while (published(meters) < expected) {
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("end to end, committed to Kafka: %,.0f frames/s (%,d frames, %,d events, %.2f s)%n",
            frames.size() / seconds, frames.size(), expected, seconds);
      } finally {
        connector.close();
      }
    }
  }

  private static double published(SimpleMeterRegistry meters) {
    return meters.find("connector.events.published").counters().stream().mapToDouble(Counter::count).sum();
  }

  /** The recorded frames, cycled and renumbered: each with its own time and record key, in time order. */
  private static List<String> frames(int count) {
    List<String> templates = new ArrayList<>(RecordedFrames.lines("jetstream/recorded.jsonl"));
    templates.addAll(RecordedFrames.lines("jetstream/composed.jsonl"));
    List<String> frames = new ArrayList<>(count);
    long time = 1_783_175_888_000_000L;
    for (int i = 0; i < count; i++) {
      frames.add(templates.get(i % templates.size())
          .replaceFirst("\"time_us\":\\d+", "\"time_us\":" + (time + i))
          .replaceFirst("\"rkey\":\"[^\"]+\"", "\"rkey\":\"bench" + i + "\""));
    }
    return frames;
  }
}
