package io.influence.connector.live;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every stream source runs: open a connection and read it until it ends, then wait a backoff
 * with jitter and open the next, until the source is closed. The backoff starts over after a
 * connection that delivered a frame, so a flapping server is retried quickly but a dead one slowly.
 */
public final class Reconnector {
  private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

  /** One connection, from opening to its end. */
  @FunctionalInterface
  public interface Connection {
    /**
     * @param attempt 0 for the first connection, then 1, 2...: which host to try
     * @return whether the connection delivered at least one frame
     */
    boolean run(int attempt) throws Exception;
  }

  private Reconnector() {}

  /** Runs connections until {@code closed} says so or the thread is interrupted; counts each reconnect. */
  public static void run(String stream, BooleanSupplier closed, Backoff backoff, ConnectorMetrics metrics, Connection connection) {
    for (int attempt = 0; !closed.getAsBoolean(); attempt++) {
      if (attempt > 0) {
        metrics.reconnected();
      }
      boolean delivered = false;
      try {
        delivered = connection.run(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (!closed.getAsBoolean()) {
          log.warn("{}: connection failed: {}", stream, e.toString());
        }
      } finally {
        metrics.connected(false);
      }
      if (delivered) {
        backoff.reset();
      }
      if (closed.getAsBoolean()) {
        return;
      }
      Duration delay = backoff.nextDelay();
      log.info("{}: reconnecting in {} ms", stream, delay.toMillis());
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
