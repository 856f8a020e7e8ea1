package io.influence.registry.server;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible Schema Registry server in this JVM, keeping its schemas in the {@code _schemas}
 * topic of a Kafka cluster just as Confluent's does, so schema ids survive a restart. It backs the demo
 * and the tests, where no Confluent registry can be had; production may point the same clients at a
 * real Confluent registry instead.
 *
 * <p>Run one instance per cluster: it assumes it is the only writer of {@code _schemas} (Confluent
 * elects a leader for that, we do not).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private final Javalin server;
  private final SchemaStore store;
  private final String scheme;

  private EmbeddedSchemaRegistry(Javalin server, SchemaStore store, String scheme) {
    this.server = server;
    this.store = store;
    this.scheme = scheme;
  }

  /**
   * Starts a registry on {@code port} (0 picks a free one) over the Kafka cluster at
   * {@code bootstrapServers}, after replaying what {@code _schemas} holds (creating it if missing).
   */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
    return start(RegistryServerSettings.open(bootstrapServers, port));
  }

  /**
   * Starts a registry as {@code settings} say, after replaying what {@code _schemas} holds (creating it
   * if missing): with basic auth when they name users, over HTTPS when they give a key store.
   */
  public static EmbeddedSchemaRegistry start(RegistryServerSettings settings) {
    return start(KafkaSchemaStore.open(settings, STORE_TIMEOUT), settings.port(), settings.users(), settings.https());
  }

  /** Starts an open, plain-HTTP registry over {@code store}, which it closes when it closes or fails to start. */
  static EmbeddedSchemaRegistry start(SchemaStore store, int port) {
    return start(store, port, Optional.empty(), Optional.empty());
  }

  private static EmbeddedSchemaRegistry start(SchemaStore store, int port, Optional<RegistryUsers> users,
      Optional<HttpsKeyStore> https) {
    long started = System.nanoTime();
    try {
      RegistryHttpApi api = new RegistryHttpApi(new SchemaRegistryService(store), users);
      Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        https.ifPresent(keyStore ->
            config.jetty.addConnector((jetty, http) -> keyStore.connector(jetty, http, port)));
        api.addTo(config.routes);
      }).start(port);
      String scheme = https.isPresent() ? "https" : "http";
      log.info("Embedded schema registry on {}://localhost:{} started in {} ms ({})", scheme, server.port(),
          (System.nanoTime() - started) / 1_000_000, users.isPresent() ? "basic auth" : "open to anyone");
      return new EmbeddedSchemaRegistry(server, store, scheme);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The base URL clients use, e.g. {@code schema.registry.url}. */
  public String url() {
    return scheme + "://localhost:" + port();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    int port = port();
    server.stop();
    store.close();
    log.info("Embedded schema registry on port {} stopped", port);
  }
}
