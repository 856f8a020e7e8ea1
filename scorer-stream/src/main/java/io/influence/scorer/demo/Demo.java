package io.influence.scorer.demo;

import io.influence.connector.InteractionPublisher;
import io.influence.embedded.ScratchDirectory;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.logging.LoggingSetup;
import io.influence.scorer.service.ScorerService;
import java.time.Clock;
import java.time.Duration;

/**
 * The whole service on one machine with nothing installed: an embedded broker and registry, a feed (the
 * simulated connector, or Bluesky's live firehose), the scorer and its HTTP API. Its state lives in a
 * scratch directory deleted on close, since the next demo's broker is a new cluster.
 */
public final class Demo implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofMinutes(2);

  private final EmbeddedStack stack;
  private final ScratchDirectory state;
  private final DemoFeed feed;
  private final ScorerService scorer;
  private final AutoCloseable publishing;

  private Demo(EmbeddedStack stack, ScratchDirectory state, DemoFeed feed, ScorerService scorer, AutoCloseable publishing) {
    this.stack = stack;
    this.state = state;
    this.feed = feed;
    this.scorer = scorer;
    this.publishing = publishing;
  }

  /** The demo fed by the simulated connector at {@code eventsPerSecond}; ports of 0 pick free ones. */
  public static Demo start(int brokerPort, int registryPort, int httpPort, double eventsPerSecond, long seed)
      throws InterruptedException {
    return start(brokerPort, registryPort, httpPort, new SimulatedFeed(eventsPerSecond, seed));
  }

  /**
   * Starts everything; ports of 0 pick free ones. The feed starts once the scorer is RUNNING, so that no
   * event waits for the first rebalance and the latency panels start true.
   */
  public static Demo start(int brokerPort, int registryPort, int httpPort, DemoFeed feed) throws InterruptedException {
    EmbeddedStack stack = EmbeddedStack.start(brokerPort, registryPort);
    ScratchDirectory state = ScratchDirectory.create("demo-state");
    LoggingSetup.expectStateInTempFolder();
    ScorerService scorer = null;
    try {
      ScorerConfig config = stack.scorerConfig(state.path(), httpPort);
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
      try (InteractionPublisher topics = new InteractionPublisher(config.publisherSettings(false),
          ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer())) {
        feed.networks().forEach(topics::ensureTopic);
      }
      scorer = ScorerService.start(config, Clock.systemUTC());
      scorer.awaitRunning(START_PATIENCE);
      return new Demo(stack, state, feed, scorer, feed.start(config, registry));
    } catch (RuntimeException | InterruptedException e) {
      if (scorer != null) {
        scorer.close();
      }
      state.close();
      stack.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  public int httpPort() {
    return scorer.httpPort();
  }

  public DemoFeed feed() {
    return feed;
  }

  @Override
  public void close() throws Exception {
    publishing.close();
    scorer.close();
    state.close();
    stack.close();
  }
}
