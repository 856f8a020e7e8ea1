package io.influence.scorer.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance's HTTP API, with time limits on connecting and on the whole exchange, so that
 * an instance that is down or stuck costs a request at most {@code timeout}, never a hang.
 */
public final class RequestForwarder {
  private final HttpClient client;
  private final Duration timeout;
  private final Optional<String> bearerToken;
  private final String scheme;

  /** A forwarder over plain HTTP without a credential, for instances whose API is open. */
  public RequestForwarder(Duration timeout) {
    this(timeout, Optional.empty(), Optional.empty());
  }

  /**
   * @param bearerToken the instances' own token, sent with every forwarded request
   * @param tls the trust for instances serving HTTPS; plain HTTP when empty
   */
  public RequestForwarder(Duration timeout, Optional<String> bearerToken, Optional<SSLContext> tls) {
    this.timeout = timeout;
    this.bearerToken = bearerToken;
    this.scheme = tls.isPresent() ? "https" : "http";
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    tls.ifPresent(builder::sslContext);
    this.client = builder.build();
  }

  /** Another instance's answer: its status, JSON body and routing headers. */
  public record Answer(int status, String body, Map<String, String> routingHeaders) {}

  /** The other instance could not answer: unreachable, too slow, or unavailable itself. */
  public static final class ForwardingFailed extends Exception {
    ForwardingFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * GETs {@code pathAndQuery} from {@code host}, marked as forwarded ({@code mode} is
   * {@link RoutingHeaders#TO_ACTIVE} or {@link RoutingHeaders#TO_STANDBY}, or null for a plain request).
   *
   * @throws ForwardingFailed on a connection failure, a timeout, or a 5xx answer
   */
  public Answer get(HostInfo host, String pathAndQuery, String mode) throws ForwardingFailed, InterruptedException {
    HttpResponse<String> response;
    try {
      response = client.send(request(host, pathAndQuery, mode), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ForwardingFailed(host + " did not answer: " + e.getClass().getSimpleName(), e);
    }
    return answer(host, response);
  }

  /**
   * As {@link #get}, without waiting, so that several instances can be asked at once; the future fails
   * with {@link ForwardingFailed} as {@code get} throws it.
   */
  public CompletableFuture<Answer> getAsync(HostInfo host, String pathAndQuery, String mode) {
    return client.sendAsync(request(host, pathAndQuery, mode), HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw new CompletionException(new ForwardingFailed(host + " did not answer: " + cause.getClass().getSimpleName(), cause));
          }
          try {
            return answer(host, response);
          } catch (ForwardingFailed e) {
            throw new CompletionException(e);
          }
        });
  }

  private HttpRequest request(HostInfo host, String pathAndQuery, String mode) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + host.host() + ":" + host.port() + pathAndQuery))
        .timeout(timeout)
        .header("Accept", "application/json")
        .GET();
    bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    if (mode != null) {
      request.header(RoutingHeaders.FORWARDED, mode);
    }
    return request.build();
  }

  private static Answer answer(HostInfo host, HttpResponse<String> response) throws ForwardingFailed {
    if (response.statusCode() >= 500) {
      throw new ForwardingFailed(host + " answered " + response.statusCode(), null);
    }
    Map<String, String> routing = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (name.toLowerCase(Locale.ROOT).startsWith("x-influence-") && !values.isEmpty()) {
        routing.put(name, values.get(0));
      }
    });
    return new Answer(response.statusCode(), response.body(), routing);
  }
}
