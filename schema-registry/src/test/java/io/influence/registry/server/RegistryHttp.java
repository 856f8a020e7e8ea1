package io.influence.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.influence.registry.RegistryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP calls to a registry, for tests that check Confluent's protocol byte for byte. */
final class RegistryHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An answer: status, Content-Type and body (parsed as JSON). */
  record Reply(int status, String contentType, JsonNode body) {
    int errorCode() {
      return body.path("error_code").asInt();
    }

    String message() {
      return body.path("message").asText();
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json, RegistryJson.MEDIA_TYPE);
  }

  Reply put(String path, String json) {
    return send("PUT", path, json, RegistryJson.MEDIA_TYPE);
  }

  Reply send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          RegistryJson.MAPPER.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body registering, looking up or testing {@code schema}: {@code {"schema": "..."}}. */
  static String schemaBody(String schema) {
    return json(Map.of("schema", schema));
  }

  static String json(Object value) {
    return new String(RegistryJson.write(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  static JsonNode parse(String json) {
    try {
      return RegistryJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
