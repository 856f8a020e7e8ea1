package io.influence.scorer.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.Topics;
import io.influence.scorer.web.WebPages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: users' scores, history and explanations, leaderboards and instances under {@code /v1},
 * health for orchestrators, metrics for Prometheus, and its own description at {@code /openapi.json}.
 * Any instance answers any request ({@link UserRouter}). Every error is JSON ({@link ApiError}); none
 * carries a stack trace.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}_.:@\\-]{1,256}");
  /** A network's name before the first colon of a user id, as connector topics name networks. */
  private static final Pattern NETWORK_PART = Pattern.compile("([A-Za-z0-9._-]+):");
  private static final int MAX_TOPIC_LENGTH = 100;
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  /** The route tag of requests no route matched, so that scanners probing paths cannot multiply the series. */
  static final String UNMATCHED_ROUTE = "unmatched";
  private static final String FORWARDED = "influence.forwarded";
  static final String OPENAPI_RESOURCE = "/openapi.json";
  /** Every route served; {@code openapi.json} describes exactly these (a test holds them together). */
  static final List<String> ROUTES = List.of("/", "/v1/users/{userId}", "/v1/users/{userId}/history", "/v1/users/{userId}/explain",
      "/v1/users/{userId}/accounts", "/v1/leaders", "/v1/topics", "/v1/topics/{topic}/leaders", "/v1/instances", "/v1/instances/local",
      LeaderboardGatherer.LOCAL_LEADERS, LeaderboardGatherer.LOCAL_TOPICS, "/openapi.json", "/health/live", "/health/ready", "/metrics");
  static final Limit HISTORY_DAYS = new Limit("days", 30, 90);
  static final Limit LEADERS = new Limit("limit", 10, 100);

  private final Javalin server;

  private HttpApi(Javalin server) {
    this.server = server;
  }

  /**
   * What the API reads.
   *
   * @param streamsState the streams client's state, for readiness
   * @param metrics the Prometheus exposition
   * @param meters where every request is timed, by route template and status
   */
  public record Sources(ScoreQueries queries, UserRouter router, LeaderboardGatherer leaderboards, InstanceDirectory instances,
      Supplier<KafkaStreams.State> streamsState, Supplier<String> metrics, ScorerMetrics meters) {}

  /** An integer query parameter in {@code [1, max]}. */
  record Limit(String name, int byDefault, int max) {}

  /** The JSON mapping of every answer, and of instances' reports to each other. */
  public static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Starts serving on {@code port} (0 picks a free one), open to anyone over plain HTTP. */
  public static HttpApi start(int port, Sources sources) {
    return start(port, sources, ApiServerSettings.open());
  }

  /** Starts serving on {@code port} (0 picks a free one) as {@code settings} say. */
  public static HttpApi start(int port, Sources sources, ApiServerSettings settings) {
    String openApi = openApiDocument();
    WebPages pages = WebPages.load();
    Javalin server = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json(), false));
      config.startup.showJavalinBanner = false;
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(settings.maxRequestHeaderBytes()));
      config.jetty.addConnector((jetty, http) -> {
        ServerConnector connector = settings.https().isPresent()
            ? settings.https().get().connector(jetty, http, port)
            : new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        return connector;
      });
      settings.access().installOn(config.routes);
      config.requestLogger.http((ctx, millis) -> sources.meters().httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(),
          Boolean.TRUE.equals(ctx.attribute(FORWARDED)), (long) (millis * 1_000_000)));
      ScoreQueries queries = sources.queries();
      config.routes.get("/v1/users/{userId}", ctx -> userRequest(ctx, sources.router(), scope -> queries.user(userId(ctx), scope)));
      config.routes.get("/v1/users/{userId}/history", ctx -> {
        int days = intParameter(ctx, HISTORY_DAYS);
        userRequest(ctx, sources.router(), scope -> queries.history(userId(ctx), days, scope));
      });
      config.routes.get("/v1/users/{userId}/explain",
          ctx -> userRequest(ctx, sources.router(), scope -> queries.explain(userId(ctx), scope)));
      config.routes.get("/v1/users/{userId}/accounts", ctx -> ctx.json(queries.accounts(userId(ctx))));
      config.routes.get("/v1/leaders", ctx -> ctx.json(sources.leaderboards().leaders(null, intParameter(ctx, LEADERS))));
      config.routes.get("/v1/topics", ctx -> ctx.json(sources.leaderboards().topics()));
      config.routes.get("/v1/topics/{topic}/leaders", ctx -> topicLeaders(ctx, sources.leaderboards()));
      config.routes.get(LeaderboardGatherer.LOCAL_LEADERS, ctx -> {
        String topic = ctx.queryParam("topic");
        ctx.json(sources.leaderboards().localLeaders(topic == null ? null : topic(topic), intParameter(ctx, LEADERS)));
      });
      config.routes.get(LeaderboardGatherer.LOCAL_TOPICS, ctx -> ctx.json(sources.leaderboards().localTopics()));
      config.routes.get("/v1/instances", ctx -> ctx.json(sources.instances().all()));
      config.routes.get("/v1/instances/local", ctx -> ctx.json(sources.instances().local()));
      config.routes.get("/", ctx -> {
        if (WebPages.wantsPage(ctx)) {
          pages.serveLeaderboards(ctx);
        } else {
          ctx.json(Map.of("service", "Influence scorer: influence scores from 1 to 100, topics and leaderboards",
              "openapi", OPENAPI_RESOURCE, "routes", ROUTES));
        }
      });
      pages.installOn(config.routes);
      config.routes.get(OPENAPI_RESOURCE, ctx -> ctx.contentType("application/json").result(openApi));
      config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
      config.routes.get("/health/ready", ctx -> ready(ctx, sources.streamsState().get()));
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(sources.metrics().get()));
      config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.code, e.getMessage()));
      config.routes.exception(StoreUnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the request failed: " + e.getClass().getSimpleName());
      });
      // Javalin answers an unmatched path in plain text; our own 404s (an unknown user or topic) are JSON already.
      config.routes.error(404, ctx -> {
        String answered = ctx.res().getContentType();
        if (answered == null || !answered.contains("json")) {
          error(ctx, HttpStatus.NOT_FOUND, "not_found", "no such resource: " + ctx.path());
        }
      });
    }).start(port);
    log.info("HTTP API listening on {} port {}", settings.https().isPresent() ? "HTTPS" : "HTTP", server.port());
    return new HttpApi(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
  }

  /**
   * The user id of the path, its network part ({@code TWITTER:88}) in lower case as user ids are
   * made ({@code Identities.accountKey}), so that a network's name is case-insensitive here as
   * everywhere else. A person id is taken as it is unless it too starts with a name and a colon.
   */
  private static String userId(Context ctx) {
    String userId = ctx.pathParam("userId");
    if (!USER_ID.matcher(userId).matches()) {
      throw new BadRequest("invalid_user_id", "a user id is 1 to 256 letters, digits or _ . : @ -, such as twitter:88");
    }
    Matcher network = NETWORK_PART.matcher(userId);
    return network.lookingAt() ? network.group(1).toLowerCase(Locale.ROOT) + userId.substring(network.end(1)) : userId;
  }

  private static void userRequest(Context ctx, UserRouter router, UserRouter.LocalAnswer local) throws InterruptedException {
    String userId = userId(ctx);
    String pathAndQuery = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    UserRouter.Routed routed = router.route(userId, pathAndQuery, ctx.header(RoutingHeaders.FORWARDED), local);
    if (routed instanceof UserRouter.Routed.Local answer) {
      answer.headers().forEach(ctx::header);
      answer.body().ifPresentOrElse(ctx::json,
          () -> error(ctx, HttpStatus.NOT_FOUND, "user_not_found", "no score for user " + userId));
    } else if (routed instanceof UserRouter.Routed.Forwarded forwarded) {
      ctx.attribute(FORWARDED, Boolean.TRUE);
      forwarded.answer().routingHeaders().forEach(ctx::header);
      ctx.status(forwarded.answer().status()).contentType("application/json").result(forwarded.answer().body());
    } else if (routed instanceof UserRouter.Routed.Unavailable unavailable) {
      unavailable(ctx, unavailable.reason());
    }
  }

  private static void topicLeaders(Context ctx, LeaderboardGatherer leaderboards) {
    String topic = topic(ctx.pathParam("topic"));
    LeaderboardView view = leaderboards.leaders(topic, intParameter(ctx, LEADERS));
    if (view.leaders().isEmpty()) {
      error(ctx, HttpStatus.NOT_FOUND, "topic_not_found", "no user has " + topic + " among their top topics"
          + (view.partial() ? " in the partitions that answered (missing: " + view.missingPartitions() + ")" : ""));
    } else {
      ctx.json(view);
    }
  }

  private static String topic(String raw) {
    String topic = Topics.normalise(raw);
    if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
      throw new BadRequest("invalid_topic", "a topic is 1 to " + MAX_TOPIC_LENGTH + " characters, such as cooking");
    }
    return topic;
  }

  private static int intParameter(Context ctx, Limit limit) {
    String raw = ctx.queryParam(limit.name());
    if (raw == null) {
      return limit.byDefault();
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= 1 && value <= limit.max()) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as for a number out of range
    }
    throw new BadRequest("invalid_" + limit.name(), limit.name() + " must be a whole number from 1 to " + limit.max());
  }

  private static void ready(Context ctx, KafkaStreams.State state) {
    ctx.status(state == KafkaStreams.State.RUNNING ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", state == KafkaStreams.State.RUNNING ? "READY" : "NOT_READY", "streams", state.name()));
  }

  private static void unavailable(Context ctx, String reason) {
    ctx.header("Retry-After", "1");
    error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", reason);
  }

  private static void error(Context ctx, HttpStatus status, String code, String message) {
    ctx.status(status).json(new ApiError(status.getCode(), code, message));
  }

  private static String openApiDocument() {
    try (InputStream document = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (document == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
      }
      return new String(document.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request the API cannot serve as asked: answered 400 with {@code code}. */
  private static final class BadRequest extends RuntimeException {
    private final String code;

    BadRequest(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
