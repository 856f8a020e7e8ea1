package io.influence.scorer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.live.RecordedFrames;
import io.influence.connector.live.TestWebSocketServer;
import io.influence.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoIT {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private int status(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void theDemoIsReadyWithinThirtySecondsAndScoresItsCelebrities() throws Exception {
    long started = System.nanoTime();
    try (Demo demo = Demo.start(0, 0, FreePorts.next(), 500, 7)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> status(demo.httpPort(), "/health/ready") == 200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(30)).until(() -> status(demo.httpPort(), "/v1/users/" + demo.feed().exampleUserId().orElseThrow()) == 200);
    }
  }

  @Test
  void theBlueskyFeedScoresWhatTheConnectorReadsFromJetstream() throws Exception {
    List<String> frames = new ArrayList<>(RecordedFrames.lines("jetstream/recorded.jsonl"));
    frames.addAll(RecordedFrames.lines("jetstream/composed.jsonl"));
    try (TestWebSocketServer jetstream = new TestWebSocketServer((connection, request, session) -> {
          for (String frame : frames) {
            session.sendText(frame);
          }
          Thread.sleep(Duration.ofMinutes(5).toMillis());
        });
        Demo demo = Demo.start(0, 0, FreePorts.next(), new BlueskyFeed(List.of(jetstream.uri())))) {
      assertThat(demo.feed().description()).contains("Bluesky");
      await().atMost(Duration.ofSeconds(60)).until(() -> body(demo.httpPort(), "/v1/leaders?limit=1").contains("\"userId\":\"bluesky:did:"));
    }
  }

  private String body(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return "";
    }
  }
}
