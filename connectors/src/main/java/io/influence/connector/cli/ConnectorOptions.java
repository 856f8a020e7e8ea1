package io.influence.connector.cli;

import com.sun.net.httpserver.HttpServer;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.ConnectorSerializers;
import io.influence.connector.live.FrameMapper;
import io.influence.connector.live.LiveConnector;
import io.influence.connector.live.LiveConnectorSettings;
import io.influence.connector.live.StreamSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every live connector command takes: where to publish, and where its metrics are scraped. */
final class ConnectorOptions {
  @Mixin
  PublishOptions publish;

  @Option(names = "--metrics-port", defaultValue = "9400", description = "Port of /metrics for Prometheus, 0 for none (default ${DEFAULT-VALUE}).")
  int metricsPort;

  /**
   * Runs a connector named {@code name} for {@code network} until the process is stopped, then closes it
   * gracefully: the source stops, what is queued is published and the cursor committed.
   */
  void run(String name, String network, Function<ConnectorMetrics, Supplier<StreamSource>> sources, FrameMapper mapper)
      throws IOException, InterruptedException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConnectorMetrics metrics = new ConnectorMetrics(registry, name, Clock.systemUTC());
    HttpServer server = metricsPort == 0 ? null : serveMetrics(registry);
    LiveConnectorSettings settings = LiveConnectorSettings.defaults(name, network, publish.publisherSettings());
    LiveConnector connector = new LiveConnector(settings, sources.apply(metrics), mapper,
        ConnectorSerializers.viaRegistry(publish.registry()),
        metrics, Clock.systemUTC()).start();
    System.out.printf("%s connector publishing to %s%s%n", name, publish.bootstrapServers,
        server == null ? "" : ", metrics on :" + server.getAddress().getPort() + "/metrics");
    UntilStopped.await(() -> {
      try {
        connector.close();
      } finally {
        if (server != null) {
          server.stop(0);
        }
      }
    });
  }

  private HttpServer serveMetrics(PrometheusMeterRegistry registry) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(metricsPort), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }
}
