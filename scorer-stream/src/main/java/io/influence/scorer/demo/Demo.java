package io.influence.scorer.demo;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.SimulatedConnector;
import io.influence.embedded.ScratchDirectory;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.logging.LoggingSetup;
import io.influence.scorer.service.ScorerService;
import java.time.Clock;
import java.time.Duration;

/**
 * The whole service on one machine with nothing installed: an embedded broker and registry, a
 * simulated connector publishing a realistic stream, the scorer and its HTTP API. Its state lives in
 * a scratch directory deleted on close, since the next demo's broker is a new cluster.
 */
public final class Demo implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofMinutes(2);

  private final EmbeddedStack stack;
  private final ScratchDirectory state;
  private final InteractionSimulator simulator;
  private final ScorerService scorer;
  private final SimulatedConnector connector;

  private Demo(EmbeddedStack stack, ScratchDirectory state, InteractionSimulator simulator, ScorerService scorer,
      SimulatedConnector connector) {
    this.stack = stack;
    this.state = state;
    this.simulator = simulator;
    this.scorer = scorer;
    this.connector = connector;
  }

  /**
   * Starts everything; ports of 0 pick free ones. The simulated connector starts once the scorer is
   * RUNNING, so that no event waits for the first rebalance and the latency panels start true.
   *
   * @param eventsPerSecond rate of the simulated connector
   * @param seed makes the simulated stream repeatable
   */
  public static Demo start(int brokerPort, int registryPort, int httpPort, double eventsPerSecond, long seed)
      throws InterruptedException {
    EmbeddedStack stack = EmbeddedStack.start(brokerPort, registryPort);
    ScratchDirectory state = ScratchDirectory.create("demo-state");
    LoggingSetup.expectStateInTempFolder();
    ScorerService scorer = null;
    try {
      ScorerConfig config = stack.scorerConfig(state.path(), httpPort);
      InteractionSimulator simulator = new InteractionSimulator(seed, Clock.systemUTC());
      InteractionPublisher publisher = new InteractionPublisher(
          config.publisherSettings(false),
          ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).events().serializer());
      // The connector topics exist before the scorer subscribes, so its pattern finds them at once.
      InteractionSimulator.NETWORKS.forEach(publisher::ensureTopic);
      scorer = ScorerService.start(config, Clock.systemUTC());
      scorer.awaitRunning(START_PATIENCE);
      return new Demo(stack, state, simulator, scorer, SimulatedConnector.start(publisher, simulator, eventsPerSecond));
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

  /** A user the simulated connector makes popular, to try the API with. */
  public String celebrityUserId() {
    return "twitter:" + simulator.celebrityAccounts().get(0);
  }

  @Override
  public void close() throws InterruptedException {
    connector.close();
    scorer.close();
    state.close();
    stack.close();
  }
}
