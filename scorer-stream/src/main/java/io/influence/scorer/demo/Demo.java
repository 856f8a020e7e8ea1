package io.influence.scorer.demo;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.connector.InteractionPublisher;
import io.influence.scorer.connector.InteractionSimulator;
import io.influence.scorer.connector.PublisherSettings;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole service on one machine with nothing installed: an embedded broker and registry, a
 * simulated connector publishing a realistic stream, the scorer and its HTTP API.
 */
public final class Demo implements AutoCloseable {
  private final EmbeddedStack stack;
  private final InteractionSimulator simulator;
  private final InteractionPublisher publisher;
  private final ScorerService scorer;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread connector;

  private Demo(EmbeddedStack stack, InteractionSimulator simulator, InteractionPublisher publisher, ScorerService scorer,
      double eventsPerSecond) {
    this.stack = stack;
    this.simulator = simulator;
    this.publisher = publisher;
    this.scorer = scorer;
    this.connector = new Thread(() -> publisher.runSimulator(simulator, eventsPerSecond, stopping::get), "simulated-connector");
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
          new PublisherSettings(stack.bootstrapServers(), config.get(ScorerConfig.TOPIC_PARTITIONS), (short) 1, false),
          ScorerService.contractSerdes(new RestSchemaRegistryClient(stack.schemaRegistryUrl())).events().serializer());
      // The connector topics exist before the scorer subscribes, so its pattern finds them at once.
      InteractionSimulator.NETWORKS.forEach(publisher::ensureTopic);
      ScorerService scorer = ScorerService.start(config, Clock.systemUTC());
      Demo demo = new Demo(stack, simulator, publisher, scorer, eventsPerSecond);
      demo.connector.start();
      return demo;
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
    stopping.set(true);
    connector.join();
    publisher.close();
    scorer.close();
    stack.close();
  }
}
