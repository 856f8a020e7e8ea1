package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 random requests against a running scorer with users in its stores: mangled paths and
 * parameters on every route, odd methods and headers, and raw bytes that are not HTTP at all. None may
 * get a 5xx, none may show a stack trace, and none may take a second.
 */
class HttpFuzzIT {
  private static final int REQUESTS = 10_000;
  private static final int RAW_REQUESTS = 500;
  private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(1);
  private static final Pattern STACK_TRACE = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(|Exception:|\\.java:\\d+");
  private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
  private static final List<String> FRAGMENTS = List.of("twitter:celebrity1", "twitter:user1", "", "..", "%2e%2e%2f", "%00", "%ff%fe",
      "a".repeat(300), "%F0%9F%98%80", "TWITTER:user1", "x:y:z", "-1", "0", "101", "99999999999999999999", "NaN", "%20", "%3Cscript%3E",
      "physics", "%23physics", "null", "{}", "%22", "'", ";", "%0d%0a", "\u00e9t\u00e9");

  @Test
  void randomRequestsGetNo5xxNoStackTraceAndNoAnswerSlowerThanASecond(@TempDir Path directory) throws Exception {
    Random random = new Random(20261203);
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts();
        ScorerService scorer = ScorerService.start(stack.scorerConfig(directory, FreePorts.next()).with(Map.of("http.rate.limit", "0")),
            Clock.systemUTC())) {
      publishSomeInteractions(stack);
      await().atMost(Duration.ofSeconds(90)).until(() -> scorer.metrics().allOutcomes() >= 500);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      List<String> failures = new ArrayList<>();
      long slowest = 0;
      for (int i = 0; i < REQUESTS - RAW_REQUESTS; i++) {
        String path = randomPath(random);
        String method = METHODS.get(random.nextInt(METHODS.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + scorer.httpPort() + path))
            .timeout(Duration.ofSeconds(5))
            .method(method, method.equals("POST") || method.equals("PUT")
                ? HttpRequest.BodyPublishers.ofString(randomText(random, 200)) : HttpRequest.BodyPublishers.noBody());
        randomHeaders(random, request);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
          response = send(http, request.build());
        } catch (IOException e) {
          failures.add(method + " " + path + " got no answer: " + e);
          continue;
        }
        long took = System.nanoTime() - started;
        slowest = Math.max(slowest, took);
        check(method + " " + path, response.statusCode(), response.body(), took, failures);
      }
      for (int i = 0; i < RAW_REQUESTS; i++) {
        sendRaw(scorer.httpPort(), randomRawRequest(random), failures);
      }

      assertThat(failures).as("slowest %d ms", slowest / 1_000_000).isEmpty();
    }
  }

  /**
   * Sends once, and again if the connection it went out on had been closed. Jetty closes a connection
   * after a request whose body it did not read (a POST to a route that takes none), and Java's client
   * retries only GET and HEAD on such a stale connection by itself.
   */
  private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException staleConnection) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static void publishSomeInteractions(EmbeddedStack stack) {
    InteractionSimulator simulator = new InteractionSimulator(11, Clock.systemUTC());
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, false),
        ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class).serializer())) {
      for (int i = 0; i < 600; i++) {
        publisher.publish(simulator.next());
      }
      publisher.flush();
    }
  }

  private static void check(String request, int status, String body, long tookNanos, List<String> failures) {
    // 505 is HTTP's own answer to a version that does not exist (HTTP/9.9), a client's mistake like a 4xx.
    if (status >= 500 && !(status == 505 && request.contains("HTTP/9.9"))) {
      failures.add(request + " answered " + status + ": " + abbreviate(body));
    }
    if (STACK_TRACE.matcher(body).find()) {
      failures.add(request + " showed a stack trace: " + abbreviate(body));
    }
    if (tookNanos > SLOWEST_ALLOWED.toNanos()) {
      failures.add(request + " took " + tookNanos / 1_000_000 + " ms");
    }
  }

  private static String randomPath(Random random) {
    String template = HttpApi.ROUTES.get(random.nextInt(HttpApi.ROUTES.size()));
    String path = template.replace("{userId}", fragment(random)).replace("{topic}", fragment(random));
    if (random.nextInt(4) == 0) {
      path += "/" + fragment(random);
    }
    if (random.nextInt(3) == 0) {
      path += "?" + List.of("limit", "days", "topic", "x").get(random.nextInt(4)) + "=" + fragment(random);
    }
    return path.replace(" ", "%20").replace("\r", "%0d").replace("\n", "%0a").replace("#", "%23").replace("\"", "%22")
        .replace("<", "%3C").replace(">", "%3E").replace("{", "%7B").replace("}", "%7D").replace("'", "%27")
        .replace("\u00e9", "%C3%A9");
  }

  private static String fragment(Random random) {
    if (random.nextInt(5) == 0) {
      StringBuilder encoded = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        encoded.append('%').append(String.format("%02X", random.nextInt(256)));
      }
      return encoded.toString();
    }
    return FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
  }

  private static void randomHeaders(Random random, HttpRequest.Builder request) {
    if (random.nextBoolean()) {
      request.header("Accept", List.of("application/json", "text/html", "*/*", "application/x-garbage", "").get(random.nextInt(5)));
    }
    if (random.nextInt(4) == 0) {
      request.header("Authorization", List.of("Bearer ", "Bearer x", "Basic Zm9vOmJhcg==", "garbage").get(random.nextInt(4)));
    }
    if (random.nextInt(4) == 0) {
      request.header("Origin", List.of("https://evil.example", "null", "http://localhost").get(random.nextInt(3)));
    }
    if (random.nextInt(4) == 0) {
      request.header("X-Influence-Forwarded", List.of("active", "standby", "garbage", "").get(random.nextInt(4)));
    }
  }

  private static String randomText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      text.append((char) (32 + random.nextInt(95)));
    }
    return text.toString();
  }

  private static byte[] randomRawRequest(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> {
        byte[] garbage = new byte[1 + random.nextInt(300)];
        random.nextBytes(garbage);
        yield garbage;
      }
      case 1 -> ("GET /v1/users/" + randomText(random, 50) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      case 2 -> ("GET /v1/leaders HTTP/9.9\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      default -> ("GET /v1/leaders HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n" + randomText(random, 100) + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
    };
  }

  /** Sends bytes that need not be HTTP and reads whatever comes back, until the server closes or a second passes. */
  private static void sendRaw(int port, byte[] request, List<String> failures) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout((int) SLOWEST_ALLOWED.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int status = answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : 0;
      check("raw " + abbreviate(new String(request, StandardCharsets.ISO_8859_1)), status, answer, System.nanoTime() - started, failures);
    } catch (java.net.SocketTimeoutException e) {
      failures.add("raw request got no answer and no close within " + SLOWEST_ALLOWED.toMillis() + " ms");
    } catch (java.net.SocketException e) {
      // The server reset the connection on bytes that are not HTTP: an answer of its own.
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
