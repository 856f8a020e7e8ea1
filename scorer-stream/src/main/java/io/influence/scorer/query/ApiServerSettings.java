package io.influence.scorer.query;

import io.influence.registry.server.HttpsKeyStore;
import io.influence.scorer.access.ApiAccess;
import java.time.Duration;
import java.util.Optional;

/**
 * How the HTTP API's server runs, beyond its routes.
 *
 * @param access who may call it, and how often
 * @param https its certificate, for HTTPS only; plain HTTP when empty
 * @param maxRequestHeaderBytes the largest request line and headers accepted (431 or 414 beyond)
 * @param idleTimeout how long a connection may send nothing before it is closed, against slow clients
 */
public record ApiServerSettings(ApiAccess access, Optional<HttpsKeyStore> https, int maxRequestHeaderBytes, Duration idleTimeout) {
  /** Jetty's own limit on request headers. */
  public static final int DEFAULT_MAX_REQUEST_HEADER_BYTES = 8 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Open to anyone over plain HTTP, with the default limits. */
  public static ApiServerSettings open() {
    return new ApiServerSettings(ApiAccess.open(), Optional.empty(), DEFAULT_MAX_REQUEST_HEADER_BYTES, DEFAULT_IDLE_TIMEOUT);
  }
}
