package io.influence.connector;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connector that publishes the {@link InteractionSimulator}'s stream at a steady rate on a thread of
 * its own until closed: what {@code demo} runs beside the scorer, and {@code simulate} runs alone.
 */
public final class SimulatedConnector implements AutoCloseable {
  private final InteractionPublisher publisher;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread thread;

  private SimulatedConnector(InteractionPublisher publisher, InteractionSimulator simulator, double eventsPerSecond) {
    this.publisher = publisher;
    this.thread = new Thread(() -> publisher.runSimulator(simulator, eventsPerSecond, stopping::get), "simulated-connector");
  }

  /** Starts publishing; the connector owns {@code publisher} and closes it. */
  public static SimulatedConnector start(InteractionPublisher publisher, InteractionSimulator simulator, double eventsPerSecond) {
    SimulatedConnector connector = new SimulatedConnector(publisher, simulator, eventsPerSecond);
    connector.thread.start();
    return connector;
  }

  /** Stops after the event being published, flushes, and closes the publisher. */
  @Override
  public void close() throws InterruptedException {
    stopping.set(true);
    thread.join();
    publisher.close();
  }
}
