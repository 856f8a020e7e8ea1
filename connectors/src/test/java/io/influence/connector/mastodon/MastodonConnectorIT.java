package io.influence.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.influence.connector.InteractionTopics;
import io.influence.connector.PublisherSettings;
import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.ConnectorSerializers;
import io.influence.connector.live.LiveConnector;
import io.influence.connector.live.LiveConnectorSettings;
import io.influence.connector.live.PublishedRecords;
import io.influence.connector.live.RecordedFrames;
import io.influence.embedded.BrokerWithAdmin;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Mastodon connector end to end on a real broker, against a local server that speaks the two
 * endpoints it uses: the streaming API's server-sent events and the public timeline. The first stream
 * sends statuses 1 to 50, with a malformed one among them, and drops; statuses 51 to 100 are posted
 * while the connector is away, so only the timeline has them; the second stream sends 101 to 120.
 */
class MastodonConnectorIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final long FIRST_ID = 113_500_000_000_000_000L;
  private static final String JUNK = "{\"id\": \"113\", \"created_at\": ";
  private static final String TEMPLATE = RecordedFrames.lines("mastodon/statuses.jsonl").get(0);

  @RegisterExtension
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  private final List<String> timelineQueries = new CopyOnWriteArrayList<>();
  private final AtomicInteger streams = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Test
  void aDroppedStreamIsBackfilledFromTheTimelineSoNoStatusIsMissedAndJunkIsADeadLetter() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/streaming/public", this::stream);
    server.createContext("/api/v1/timelines/public", this::timeline);
    server.start();
    LiveConnector connector = connector(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).start();
    try {
      String topic = InteractionTopics.topicFor(MastodonStatusMapper.NETWORK);
      Set<String> expected = new HashSet<>();
      for (int number = 1; number <= 120; number++) {
        expected.add(uri(number));
      }

      await().atMost(PATIENCE).until(() -> PublishedRecords.eventIds(kafka.bootstrapServers(), topic).containsAll(expected));

      assertThat(PublishedRecords.eventIds(kafka.bootstrapServers(), topic)).isEqualTo(expected);
      assertThat(timelineQueries).as("the backfill starts after the last status taken")
          .first().asString().contains("min_id=" + id(50));
      assertThat(PublishedRecords.read(kafka.bootstrapServers(), "connector.mastodon.dlq")).singleElement()
          .satisfies(letter -> assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(JUNK));
    } finally {
      stopped.countDown();
      connector.close();
      server.stop(0);
    }
  }

  /** The first connection: statuses 1-50 and a junk event, then it drops. Later ones: 101-120, then held open. */
  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      boolean first = streams.getAndIncrement() == 0;
      out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
      for (int number = first ? 1 : 101; number <= (first ? 50 : 120); number++) {
        send(out, status(number));
        if (number == 10) {
          send(out, JUNK);
        }
      }
      if (!first) {
        stopped.await(2, TimeUnit.MINUTES);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code ?min_id=X&limit=N}: the N statuses just after X, among 1-100, newest first as Mastodon answers. */
  private void timeline(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    timelineQueries.add(query);
    long minId = Long.parseLong(query.replaceAll(".*min_id=(\\d+).*", "$1"));
    int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
    List<String> page = new ArrayList<>();
    for (int number = 1; number <= 100 && page.size() < limit; number++) {
      if (Long.parseLong(id(number)) > minId) {
        page.add(status(number));
      }
    }
    Collections.reverse(page);
    byte[] body = ("[" + String.join(",", page) + "]").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("event: update\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String id(int number) {
    return String.valueOf(FIRST_ID + number);
  }

  private static String uri(int number) {
    return "https://mastodon.social/users/Gargron/statuses/" + id(number);
  }

  /** The recorded status, renumbered: a post (with two tags) whose event id is its URI. */
  private static String status(int number) {
    return TEMPLATE.replace("113500000000000001", id(number));
  }

  private static LiveConnector connector(URI instance) {
    ConnectorMetrics metrics = new ConnectorMetrics(new SimpleMeterRegistry(), "mastodon-test", Clock.systemUTC());
    LiveConnectorSettings settings = LiveConnectorSettings.defaults("mastodon-test", MastodonStatusMapper.NETWORK,
        new PublisherSettings(kafka.bootstrapServers(), 2, (short) 1, false));
    return new LiveConnector(settings,
        () -> new MastodonSource(instance, null, Duration.ofSeconds(30), 25, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), metrics),
        new MastodonStatusMapper("mastodon.social"),
        new ConnectorSerializers(PublishedRecords.avro(InteractionEvent.class), PublishedRecords.avro(ErasureRequest.class)),
        metrics, Clock.systemUTC());
  }
}
