package io.influence.scorer.demo;

import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.connector.SimulatedConnector;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * The whole service on one machine with nothing installed: an embedded broker and registry, a
 * simulated connector publishing a realistic stream, the scorer and its HTTP API.
 */
public final class Demo implements AutoCloseable {
  private final EmbeddedStack stack;
  private final InteractionSimulator simulator;
  private final ScorerService scorer;
  private final SimulatedConnector connector;

  private Demo(EmbeddedStack stack, InteractionSimulator simulator, ScorerService scorer, SimulatedConnector connector) {
    this.stack = stack;
    this.simulator = simulator;
    this.scorer = scorer;
    this.connector = connector;
  }

  /**
   * Starts everything; ports of 0 pick free ones.
   *
   * @param eventsPerSecond rate of the simulated connector
   * @param seed makes the simulated stream repeatable
   */
  public static Demo start(int brokerPort, int registryPort, int httpPort, double eventsPerSecond, long seed) {
    EmbeddedStack stack = EmbeddedStack.start(brokerPort, registryPort);
    try {
      ScorerConfig config = stack.scorerConfig(Files.createTempDirectory("influence-demo-state"), httpPort);
      InteractionSimulator simulator = new InteractionSimulator(seed, Clock.systemUTC());
      InteractionPublisher publisher = new InteractionPublisher(
          config.publisherSettings(false),
          ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).events().serializer());
      // The connector topics exist before the scorer subscribes, so its pattern finds them at once.
      InteractionSimulator.NETWORKS.forEach(publisher::ensureTopic);
      ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
      return new Demo(stack, simulator, scorer, SimulatedConnector.start(publisher, simulator, eventsPerSecond));
    } catch (IOException e) {
      stack.close();
      throw new UncheckedIOException("cannot create the demo's state directory", e);
    } catch (RuntimeException e) {
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

  /** A user the simulated connector makes popular, to try the API with. */
  public String celebrityUserId() {
    return "twitter:" + simulator.celebrityAccounts().get(0);
  }

  @Override
  public void close() throws InterruptedException {
    connector.close();
    scorer.close();
    stack.close();
  }
}
