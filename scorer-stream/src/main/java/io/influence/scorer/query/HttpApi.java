package io.influence.scorer.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.influence.scorer.metrics.ScorerMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: scores under {@code /v1}, health for orchestrators, metrics for Prometheus. Every error
 * is JSON ({@link ApiError}); none carries a stack trace.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}_.:@\\-]{1,256}");
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  /** The route tag of requests no route matched, so that scanners probing paths cannot multiply the series. */
  static final String UNMATCHED_ROUTE = "unmatched";
  private static final String FORWARDED = "influence.forwarded";

  private final Javalin server;

  private HttpApi(Javalin server) {
    this.server = server;
  }

  /**
   * Starts serving on {@code port} (0 picks a free one).
   *
   * @param streamsState the streams client's state, for readiness
   * @param metrics the Prometheus exposition
   * @param meters where every request is timed, by route template and status
   */
  public static HttpApi start(int port, ScoreQueries scores, Supplier<KafkaStreams.State> streamsState, Supplier<String> metrics,
      ScorerMetrics meters) {
    ObjectMapper json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Javalin server = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      config.requestLogger.http((ctx, millis) -> meters.httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(),
          Boolean.TRUE.equals(ctx.attribute(FORWARDED)), (long) (millis * 1_000_000)));
      config.routes.get("/v1/users/{userId}", ctx -> user(ctx, scores));
      config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
      config.routes.get("/health/ready", ctx -> ready(ctx, streamsState.get()));
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get()));
      config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
        ctx.header("Retry-After", "1");
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the request failed: " + e.getClass().getSimpleName());
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, HttpStatus.NOT_FOUND, "not_found", "no such resource: " + ctx.path());
        }
      });
    }).start(port);
    log.info("HTTP API listening on port {}", server.port());
    return new HttpApi(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Marks a request as answered by another instance, for the {@code target} tag of its meter. */
  public static void markForwarded(Context ctx) {
    ctx.attribute(FORWARDED, Boolean.TRUE);
  }

  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
  }

  private static void user(Context ctx, ScoreQueries scores) {
    String userId = ctx.pathParam("userId");
    if (!USER_ID.matcher(userId).matches()) {
      error(ctx, HttpStatus.BAD_REQUEST, "invalid_user_id",
          "a user id is 1 to 256 letters, digits or _ . : @ -, such as twitter:88");
      return;
    }
    scores.user(userId).ifPresentOrElse(ctx::json,
        () -> error(ctx, HttpStatus.NOT_FOUND, "user_not_found", "no score for user " + userId));
  }

  private static void ready(Context ctx, KafkaStreams.State state) {
    ctx.status(state == KafkaStreams.State.RUNNING ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", state == KafkaStreams.State.RUNNING ? "READY" : "NOT_READY", "streams", state.name()));
  }

  private static void error(Context ctx, HttpStatus status, String code, String message) {
    ctx.status(status).json(new ApiError(status.getCode(), code, message));
  }
}
