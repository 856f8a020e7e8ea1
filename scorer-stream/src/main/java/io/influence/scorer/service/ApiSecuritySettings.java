package io.influence.scorer.service;

import io.influence.registry.TrustStores;
import io.influence.registry.server.HttpsKeyStore;
import io.influence.scorer.access.ApiAccess;
import io.influence.scorer.access.BearerTokens;
import io.influence.scorer.access.RateLimiter;
import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.config.Setting;
import io.influence.scorer.query.ApiServerSettings;
import io.influence.scorer.query.RequestForwarder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The HTTP API's security settings, read and checked at start so that a wrong one stops the scorer
 * naming its key: the token files, the instances' forwarding token, CORS, the rate limit, request
 * limits and TLS, on both sides of a forwarded query.
 */
final class ApiSecuritySettings {
  /** A client may send twice its rate at once: a page loading its few requests in parallel. */
  private static final double BURST_PER_RATE = 2;

  private ApiSecuritySettings() {}

  static ApiServerSettings server(ScorerConfig config) {
    Optional<BearerTokens> apiTokens = config.get(ScorerConfig.HTTP_TOKENS_FILE).map(file -> valid(config, ScorerConfig.HTTP_TOKENS_FILE,
        file.toString(), BearerTokens::load, file));
    Optional<BearerTokens> metricsTokens = config.get(ScorerConfig.HTTP_METRICS_TOKENS_FILE)
        .map(file -> valid(config, ScorerConfig.HTTP_METRICS_TOKENS_FILE, file.toString(), BearerTokens::load, file));
    Optional<BearerTokens> forwardToken = config.get(ScorerConfig.HTTP_FORWARD_TOKEN)
        .map(token -> valid(config, ScorerConfig.HTTP_FORWARD_TOKEN, token, value -> BearerTokens.of("instances", value), token));
    double rate = config.get(ScorerConfig.HTTP_RATE_LIMIT);
    Optional<RateLimiter> limiter = rate > 0 ? Optional.of(new RateLimiter(rate, Math.max(1, BURST_PER_RATE * rate))) : Optional.empty();
    if (apiTokens.isPresent() && forwardToken.isEmpty()) {
      throw new InvalidSettingException(ScorerConfig.HTTP_FORWARD_TOKEN.key(), config.sourceOf(ScorerConfig.HTTP_FORWARD_TOKEN), "",
          "with http.tokens.file set, instances need a token of their own to forward queries to each other");
    }
    ApiAccess access = new ApiAccess(apiTokens, metricsTokens, forwardToken, config.get(ScorerConfig.HTTP_CORS_ORIGINS), limiter);
    Optional<HttpsKeyStore> https = config.get(ScorerConfig.HTTP_TLS_KEYSTORE).map(store -> valid(config, ScorerConfig.HTTP_TLS_KEYSTORE,
        store.toString(), path -> HttpsKeyStore.pkcs12(path, config.get(ScorerConfig.HTTP_TLS_KEYSTORE_PASSWORD).orElse("")), store));
    return new ApiServerSettings(access, https, Math.toIntExact(config.get(ScorerConfig.HTTP_MAX_HEADER_BYTES)),
        config.get(ScorerConfig.HTTP_IDLE_TIMEOUT));
  }

  /** How this instance asks the others: with the forwarding token, over HTTPS when the API serves it. */
  static RequestForwarder forwarder(ScorerConfig config) {
    Optional<SSLContext> tls = Optional.empty();
    if (config.get(ScorerConfig.HTTP_TLS_KEYSTORE).isPresent()) {
      tls = Optional.of(config.get(ScorerConfig.HTTP_TLS_TRUSTSTORE).map(store -> trusting(config, store)).orElseGet(ApiSecuritySettings::jdkDefault));
    }
    return new RequestForwarder(config.get(ScorerConfig.FORWARD_TIMEOUT), config.get(ScorerConfig.HTTP_FORWARD_TOKEN), tls);
  }

  private static SSLContext trusting(ScorerConfig config, Path store) {
    try {
      return TrustStores.context(store, config.get(ScorerConfig.HTTP_TLS_TRUSTSTORE_PASSWORD).orElse(""), "PKCS12");
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidSettingException(ScorerConfig.HTTP_TLS_TRUSTSTORE.key(), config.sourceOf(ScorerConfig.HTTP_TLS_TRUSTSTORE),
          store.toString(), "not a readable PKCS12 trust store with that password: " + e.getMessage());
    }
  }

  private static SSLContext jdkDefault() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }

  private static <I, T> T valid(ScorerConfig config, Setting<?> setting, String shown, Function<I, T> reader, I input) {
    try {
      return reader.apply(input);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(setting.key(), config.sourceOf(setting), shown, e.getMessage());
    }
  }
}
