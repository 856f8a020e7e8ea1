package io.influence.scorer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
      await().atMost(Duration.ofSeconds(30)).until(() -> status(demo.httpPort(), "/v1/users/" + demo.celebrityUserId()) == 200);
    }
  }
}
