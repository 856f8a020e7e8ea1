package io.influence.scorer.demo;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.SimulatedConnector;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.SchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The simulated connector: several networks, power-law popularity, topics and a few celebrities, at
 * {@code eventsPerSecond}; {@code seed} makes the stream repeatable.
 */
public record SimulatedFeed(double eventsPerSecond, long seed) implements DemoFeed {

  @Override
  public List<String> networks() {
    return InteractionSimulator.NETWORKS;
  }

  @Override
  public AutoCloseable start(ScorerConfig config, SchemaRegistryClient registry) {
    InteractionPublisher publisher = new InteractionPublisher(config.publisherSettings(false),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer());
    return SimulatedConnector.start(publisher, simulator(), eventsPerSecond);
  }

  @Override
  public String description() {
    return "a simulated connector publishes %.0f interactions/s".formatted(eventsPerSecond);
  }

  @Override
  public Optional<String> exampleUserId() {
    return Optional.of("twitter:" + simulator().celebrityAccounts().get(0));
  }

  private InteractionSimulator simulator() {
    return new InteractionSimulator(seed, Clock.systemUTC());
  }
}
