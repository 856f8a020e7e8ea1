package io.influence.registry.server;

import io.javalin.Javalin;
import java.time.Duration;
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

  private EmbeddedSchemaRegistry(Javalin server, SchemaStore store) {
    this.server = server;
    this.store = store;
  }

  /**
   * Starts a registry on {@code port} (0 picks a free one) over the Kafka cluster at
   * {@code bootstrapServers}, after replaying what {@code _schemas} holds (creating it if missing).
   */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
    return start(KafkaSchemaStore.open(bootstrapServers, STORE_TIMEOUT), port);
  }

  /** Starts a registry over {@code store}, which it closes when it closes or fails to start. */
  static EmbeddedSchemaRegistry start(SchemaStore store, int port) {
    long started = System.nanoTime();
    try {
      RegistryHttpApi api = new RegistryHttpApi(new SchemaRegistryService(store));
      Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        api.addTo(config.routes);
      }).start(port);
      log.info("Embedded schema registry on http://localhost:{} started in {} ms",
          server.port(), (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedSchemaRegistry(server, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The base URL clients use, e.g. {@code schema.registry.url}. */
  public String url() {
    return "http://localhost:" + port();
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
