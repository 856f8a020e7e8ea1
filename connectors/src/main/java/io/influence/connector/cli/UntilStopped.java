package io.influence.connector.cli;

import java.util.concurrent.CountDownLatch;

/** How every long-running command of this project ends: it runs until the JVM is asked to stop, then closes cleanly. */
public final class UntilStopped {
  private UntilStopped() {}

  /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes {@code resource} before it exits. */
  public static void await(AutoCloseable resource) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("error while shutting down: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "shutdown"));
    stopped.await();
  }
}
