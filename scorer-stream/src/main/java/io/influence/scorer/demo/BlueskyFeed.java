package io.influence.scorer.demo;

import io.influence.connector.bluesky.JetstreamMapper;
import io.influence.connector.bluesky.JetstreamSource;
import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.ConnectorSerializers;
import io.influence.connector.live.LiveConnector;
import io.influence.connector.live.LiveConnectorSettings;
import io.influence.registry.SchemaRegistryClient;
import io.influence.scorer.config.ScorerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Bluesky's live firehose through Jetstream (needs the internet): the Bluesky connector of
 * {@code connectors/}, publishing likes, reposts, replies, quotes, mentions, posts and follows as they happen.
 */
public record BlueskyFeed(List<URI> jetstreamHosts) implements DemoFeed {

  /** Bluesky's public Jetstream hosts. */
  public static BlueskyFeed publicJetstream() {
    return new BlueskyFeed(List.of(JetstreamSource.PUBLIC_HOSTS.split(",")).stream().map(URI::create).toList());
  }

  @Override
  public List<String> networks() {
    return List.of(JetstreamMapper.NETWORK);
  }

  @Override
  public AutoCloseable start(ScorerConfig config, SchemaRegistryClient registry) {
    ConnectorMetrics metrics = new ConnectorMetrics(new SimpleMeterRegistry(), "bluesky", Clock.systemUTC());
    return new LiveConnector(LiveConnectorSettings.defaults("bluesky", JetstreamMapper.NETWORK, config.publisherSettings(false)),
        () -> new JetstreamSource(jetstreamHosts, Duration.ofSeconds(5), Duration.ofSeconds(30),
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), metrics),
        new JetstreamMapper(), ConnectorSerializers.viaRegistry(registry), metrics, Clock.systemUTC()).start();
  }

  @Override
  public String description() {
    return "the Bluesky connector publishes Bluesky's live interactions from " + jetstreamHosts.get(0);
  }

  @Override
  public Optional<String> exampleUserId() {
    return Optional.empty();
  }
}
