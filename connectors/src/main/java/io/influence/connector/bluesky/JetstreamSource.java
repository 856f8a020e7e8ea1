package io.influence.connector.bluesky;

import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.Frame;
import io.influence.connector.live.FrameQueue;
import io.influence.connector.live.Reconnector;
import io.influence.connector.live.StreamSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Jetstream's v1 WebSocket ({@code /subscribe?wantedCollections=...&cursor=<time_us>}) with the JDK's
 * {@link java.net.http.WebSocket}, failing over between the configured hosts.
 *
 * <p><b>Backpressure.</b> The WebSocket delivers a message only after {@code request(1)}; the listener
 * requests the next one after the last has been put into the {@link FrameQueue}, which blocks while the
 * queue is full. The socket is then not read and TCP pauses the server.
 *
 * <p><b>Resuming.</b> Each connection asks for {@code cursor = (last time_us taken) - rewind}. Jetstream's
 * {@code time_us} is per instance and not strictly ordered within one (frames a few milliseconds apart
 * arrive out of order), so the rewind, 5 s by default, makes the overlap cover both; the overlap is
 * redelivered with the same event ids and the scorer's dedup drops it. Without a cursor (the very first
 * start) it reads from the live head.
 *
 * <p><b>Failures.</b> A connection that fails to open, closes, errs, or is silent for the idle timeout (the
 * firehose carries thousands of frames a second; silence means a stall) is dropped, and the next host
 * is tried after an exponential backoff with jitter, reset once a connection delivers a frame.
 */
public final class JetstreamSource implements StreamSource {
  /** Bluesky's public Jetstream hosts, tried in turn. */
  public static final String PUBLIC_HOSTS = "wss://jetstream1.us-east.bsky.network,wss://jetstream2.us-east.bsky.network";

  private static final Logger log = LoggerFactory.getLogger(JetstreamSource.class);

  private final List<URI> hosts;
  private final Duration rewind;
  private final Duration idleTimeout;
  private final ConnectorMetrics metrics;
  private final Backoff backoff;
  private final ExecutorService listenerThreads = Executors.newCachedThreadPool(daemon("jetstream-socket"));
  private final HttpClient client;
  private volatile boolean closed;
  private Thread supervisor;

  /**
   * @param hosts Jetstream base URIs such as {@code wss://jetstream2.us-east.bsky.network}, tried in turn
   */
  public JetstreamSource(List<URI> hosts, Duration rewind, Duration idleTimeout, Backoff backoff, ConnectorMetrics metrics) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("give at least one Jetstream host");
    }
    this.hosts = List.copyOf(hosts);
    this.rewind = rewind;
    this.idleTimeout = idleTimeout;
    this.backoff = backoff;
    this.metrics = metrics;
    this.client = HttpClient.newBuilder().executor(listenerThreads).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The subscription URI for a host and a cursor (null: the live head). */
  static URI subscription(URI host, String cursor, Duration rewind) {
    StringBuilder uri = new StringBuilder(host.toString().replaceAll("/+$", "")).append("/subscribe?");
    for (String collection : JetstreamMapper.COLLECTIONS) {
      uri.append("wantedCollections=").append(URLEncoder.encode(collection, StandardCharsets.UTF_8)).append('&');
    }
    if (cursor != null) {
      uri.append("cursor=").append(Math.max(0, Long.parseLong(cursor) - rewind.toNanos() / 1000)).append('&');
    }
    return URI.create(uri.substring(0, uri.length() - 1));
  }

  @Override
  public void start(Supplier<String> resumeFrom, FrameQueue queue) {
    supervisor = new Thread(() -> supervise(resumeFrom, queue), "jetstream-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  private void supervise(Supplier<String> resumeFrom, FrameQueue queue) {
    Reconnector.run("Jetstream", () -> closed, backoff, metrics, attempt -> {
      URI uri = subscription(hosts.get(attempt % hosts.size()), resumeFrom.get(), rewind);
      Connection connection = new Connection(queue);
      WebSocket socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(uri, connection).get(15, TimeUnit.SECONDS);
      log.info("connected to {}", uri);
      metrics.connected(true);
      connection.awaitEnd(socket, idleTimeout);
      return connection.deliveredAny;
    });
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    if (supervisor != null) {
      supervisor.interrupt();
      supervisor.join();
    }
    listenerThreads.shutdownNow();
  }

  /** One WebSocket connection's listener: joins a message's parts and hands whole messages to the queue. */
  private final class Connection implements WebSocket.Listener {
    private final FrameQueue queue;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuilder parts = new StringBuilder();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean deliveredAny;

    Connection(FrameQueue queue) {
      this.queue = queue;
    }

    /** Returns when the connection ends, is idle too long, or the source is closed; then aborts it. */
    void awaitEnd(WebSocket socket, Duration idle) throws InterruptedException {
      try {
        while (!closed && !ended.isDone()) {
          if (System.nanoTime() - lastActivityNanos > idle.toNanos() && queue.size() == 0) {
            log.warn("no frame for {} s: the connection stalled", idle.toSeconds());
            break;
          }
          try {
            log.info("Jetstream connection ended: {}", ended.get(Math.min(1000, idle.toMillis()), TimeUnit.MILLISECONDS));
          } catch (java.util.concurrent.TimeoutException e) {
            // check again
          } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Jetstream connection failed: {}", e.getCause().toString());
          }
        }
      } finally {
        socket.abort();
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      lastActivityNanos = System.nanoTime();
      parts.append(data);
      if (last) {
        String text = parts.toString();
        parts.setLength(0);
        try {
          if (!queue.put(Frame.message(text), () -> closed || ended.isDone())) {
            return null;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
        deliveredAny = true;
        // Only now: a full queue holds the next message back, and with it the socket.
        lastActivityNanos = System.nanoTime();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      // Jetstream sends zstd-compressed binary frames only when asked (compress=true); we never ask.
      lastActivityNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      lastActivityNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      ended.complete("closed by the server, status " + statusCode + (reason.isEmpty() ? "" : " (" + reason + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ended.completeExceptionally(error);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
