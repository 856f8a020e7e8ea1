package io.influence.scorer.access;

import io.influence.scorer.query.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the HTTP API and how often, applied before any route:
 *
 * <ol>
 *   <li>a request carrying the instances' own {@link #forwardToken} is another instance forwarding a
 *       query, and passes;
 *   <li>every other request counts against its client address's {@link RateLimiter} (429 with
 *       {@code Retry-After} beyond it);
 *   <li>CORS headers for the {@link #corsOrigins} only, and preflight requests answered;
 *   <li>{@code /v1} needs one of the {@link #apiTokens}, {@code /metrics} one of the
 *       {@link #metricsTokens}, each only when configured (401, with a {@code Bearer} challenge);
 *       {@code /health} and {@code /openapi.json} stay open for orchestrators and readers.
 * </ol>
 *
 * Every refusal is JSON ({@link ApiError}), as every other error of the API.
 *
 * @param corsOrigins origins a browser may call the API from, exactly as the {@code Origin} header
 *     gives them ({@code https://app.example.com}); none by default, so no cross-origin page can
 */
public record ApiAccess(Optional<BearerTokens> apiTokens, Optional<BearerTokens> metricsTokens, Optional<BearerTokens> forwardToken,
    List<String> corsOrigins, Optional<RateLimiter> rateLimiter) {

  private static final String BEARER = "Bearer ";

  public ApiAccess {
    corsOrigins = List.copyOf(corsOrigins);
    if (apiTokens.isPresent() && forwardToken.isEmpty()) {
      throw new IllegalArgumentException("with API tokens on, instances need a token of their own to forward queries to each other");
    }
  }

  /** No tokens, no CORS, no rate limit: the demo's and the tests' default. */
  public static ApiAccess open() {
    return new ApiAccess(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  /** Applies this policy before every route of {@code routes}. */
  public void installOn(RoutesConfig routes) {
    routes.before(this::admit);
    routes.exception(Refused.class, (refusal, ctx) -> {
      refusal.challenge.ifPresent(challenge -> ctx.header("WWW-Authenticate", challenge));
      if (refusal.retryAfterSeconds > 0) {
        ctx.header("Retry-After", String.valueOf(refusal.retryAfterSeconds));
      }
      ctx.status(refusal.status).json(new ApiError(refusal.status, refusal.code, refusal.getMessage()));
    });
  }

  private void admit(Context ctx) {
    Optional<String> token = bearerToken(ctx);
    boolean fromInstance = forwardToken.isPresent() && token.flatMap(forwardToken.get()::holderOf).isPresent();
    if (!fromInstance) {
      rateLimiter.ifPresent(limiter -> {
        long wait = limiter.acquire(ctx.ip(), System.nanoTime());
        if (wait > 0) {
          throw new Refused(429, "rate_limited", "too many requests from " + ctx.ip() + "; retry after " + wait + " s",
              Optional.empty(), wait);
        }
      });
    }
    String origin = ctx.header("Origin");
    if (origin != null && corsOrigins.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
      if (ctx.method() == HandlerType.OPTIONS) {
        ctx.header("Access-Control-Allow-Methods", "GET");
        ctx.header("Access-Control-Allow-Headers", "Authorization");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
        ctx.skipRemainingHandlers();
        return;
      }
    }
    String path = ctx.path();
    if (path.startsWith("/v1/") && apiTokens.isPresent() && !fromInstance) {
      requireToken(token, apiTokens.get(), "the API");
    } else if (path.equals("/metrics") && metricsTokens.isPresent()) {
      requireToken(token, metricsTokens.get(), "the metrics");
    }
  }

  private static void requireToken(Optional<String> token, BearerTokens accepted, String what) {
    if (token.isEmpty()) {
      throw new Refused(401, "unauthorized", what + " needs a bearer token: Authorization: Bearer <token>",
          Optional.of("Bearer realm=\"influence\""), 0);
    }
    if (accepted.holderOf(token.get()).isEmpty()) {
      throw new Refused(401, "unauthorized", "the bearer token is not one " + what + " accepts",
          Optional.of("Bearer realm=\"influence\", error=\"invalid_token\""), 0);
    }
  }

  private static Optional<String> bearerToken(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip());
  }

  /** A request this policy refuses, answered as JSON by the handler {@link #installOn} registers. */
  static final class Refused extends RuntimeException {
    private final int status;
    private final String code;
    private final Optional<String> challenge;
    private final long retryAfterSeconds;

    Refused(int status, String code, String message, Optional<String> challenge, long retryAfterSeconds) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.challenge = challenge;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }
}
