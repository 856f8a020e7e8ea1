package io.influence.connector.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The bounded hand-over between a stream's reader and the thread that publishes. When Kafka is slow the
 * publisher takes less, {@link #put} blocks, the reader stops reading, and TCP's window closes on the
 * server: the connector slows the stream instead of buffering without bound.
 */
public final class FrameQueue {
  private static final long PUT_CHECK_MILLIS = 100;
  private final BlockingQueue<Frame> frames;

  public FrameQueue(int capacity) {
    this.frames = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Waits for room and adds the frame; gives up when {@code abandon} says so (the connection is being
   * closed), so that a reader blocked on a full queue can still be stopped.
   *
   * @return whether the frame was added
   */
  public boolean put(Frame frame, BooleanSupplier abandon) throws InterruptedException {
    while (!frames.offer(frame, PUT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
      if (abandon.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  /** The next frame, or null if none came within {@code timeout}. */
  public Frame poll(Duration timeout) throws InterruptedException {
    return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Removes and returns what is queued. */
  public List<Frame> drain() {
    List<Frame> rest = new ArrayList<>();
    frames.drainTo(rest);
    return rest;
  }

  public int size() {
    return frames.size();
  }
}
