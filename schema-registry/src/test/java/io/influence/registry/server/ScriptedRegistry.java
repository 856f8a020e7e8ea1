package io.influence.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.influence.registry.RegistryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in registry on a real HTTP port that answers from a script, in order (the last answer
 * repeats), and records what it was asked: for testing how the client retries, caches and reports.
 */
final class ScriptedRegistry implements AutoCloseable {

  /** One scripted answer, given after {@code delay}. */
  record Answer(int status, String body, Duration delay) {
    static Answer of(int status, String body) {
      return new Answer(status, body, Duration.ZERO);
    }
  }

  /** One request received. */
  record Request(String method, String path, String accept, String contentType, String body) {
  }

  private final HttpServer server;
  private final List<Answer> answers;
  private final AtomicInteger next = new AtomicInteger();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  ScriptedRegistry(Answer... answers) {
    this.answers = List.of(answers);
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  /** A URL where nothing listens: a port that was free a moment ago. */
  static String unreachableUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://localhost:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestHeaders().getFirst("Content-Type"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Answer answer = answers.get(Math.min(next.getAndIncrement(), answers.size() - 1));
    try {
      Thread.sleep(answer.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", RegistryJson.MEDIA_TYPE);
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
