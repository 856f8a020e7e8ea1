package io.influence.connector.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.connector.live.Backoff;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.connector.live.Frame;
import io.influence.connector.live.FrameQueue;
import io.influence.connector.live.NumericCursor;
import io.influence.connector.live.Reconnector;
import io.influence.connector.live.StreamSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an instance's public timeline as server-sent events ({@code GET /api/v1/streaming/public}, with
 * {@code Authorization: Bearer <token>} when a token is given), and fills the gap a reconnection leaves.
 *
 * <p><b>Backfill.</b> SSE has no cursor. Each connection is opened first; then, when a cursor is known
 * (the last status id taken), {@code GET /api/v1/timelines/public?min_id=<cursor>&limit=40} is paged
 * forward ({@code min_id} returns the statuses just after it, where {@code since_id} would return the
 * newest 40 and leave a hole when more were missed), up to {@code maxBackfillPages}; only then is the
 * stream read, so statuses posted during the backfill wait in the open stream instead of being missed.
 * What can still be missed: statuses beyond the page limit after a long outage, statuses the instance
 * hides from the unauthenticated timeline, and statuses deleted before the backfill.
 *
 * <p><b>Backpressure.</b> Lines are read on the source's own thread, which blocks on a full queue: the
 * HTTP body is then not read and TCP pauses the server. <b>Stalls.</b> Mastodon sends a heartbeat comment
 * every 15 s or so; a connection silent for the idle timeout is closed and opened again, after a backoff
 * with jitter.
 */
public final class MastodonSource implements StreamSource {
  private static final Logger log = LoggerFactory.getLogger(MastodonSource.class);
  static final int PAGE_SIZE = 40;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LEADING_ID = Pattern.compile("\\s*\\{\\s*\"id\"\\s*:\\s*\"(\\d+)\"");

  private final URI instance;
  private final String accessToken;
  private final Duration idleTimeout;
  private final int maxBackfillPages;
  private final Backoff backoff;
  private final ConnectorMetrics metrics;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mastodon-watchdog");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean closed;
  /**
   * The latest status id this source has read, from the stream or a backfill. A reconnection may come
   * before the connector has mapped (and so reported) what the last connection delivered; the backfill
   * starts after whichever of this and the connector's cursor is later, or the statuses in between
   * would be missed.
   */
  private volatile String lastReadId;
  private volatile InputStream openBody;
  private volatile long lastActivityNanos;
  private Thread reader;

  /**
   * @param instance the instance's base URI, such as {@code https://mastodon.social}
   * @param accessToken null to read without one
   */
  public MastodonSource(URI instance, String accessToken, Duration idleTimeout, int maxBackfillPages, Backoff backoff,
      ConnectorMetrics metrics) {
    this.instance = URI.create(instance.toString().replaceAll("/+$", ""));
    this.accessToken = accessToken;
    this.idleTimeout = idleTimeout;
    this.maxBackfillPages = maxBackfillPages;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  @Override
  public void start(Supplier<String> resumeFrom, FrameQueue queue) {
    watchdog.scheduleWithFixedDelay(this::closeIfIdle, 1, 1, TimeUnit.SECONDS);
    reader = new Thread(() -> read(resumeFrom, queue), "mastodon-stream");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Supplier<String> resumeFrom, FrameQueue queue) {
    Reconnector.run("Mastodon " + instance, () -> closed, backoff, metrics, attempt -> {
      HttpResponse<InputStream> response = client.send(request(instance.resolve("/api/v1/streaming/public"))
          .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("streaming answered HTTP " + response.statusCode() + ": "
              + new String(body.readNBytes(500), StandardCharsets.UTF_8));
        }
        openBody = body;
        lastActivityNanos = System.nanoTime();
        metrics.connected(true);
        String cursor = NumericCursor.later(resumeFrom.get(), lastReadId);
        boolean delivered = cursor != null && backfill(cursor, queue);
        return readEvents(body, queue) || delivered;
      } finally {
        openBody = null;
      }
    });
  }

  /** Parses the event stream (WHATWG HTML, "Server-sent events"): event and data lines, a blank line ends an event. */
  private boolean readEvents(InputStream body, FrameQueue queue) throws IOException, InterruptedException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    boolean delivered = false;
    String event = "message";
    StringBuilder data = null;
    BooleanSupplier abandon = () -> closed;
    for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
      lastActivityNanos = System.nanoTime();
      if (line.isEmpty()) {
        if (data != null) {
          if (event.equals("update")) {
            lastReadId = NumericCursor.later(lastReadId, statusId(data));
          }
          if (!queue.put(new Frame(event, data.toString()), abandon)) {
            return delivered;
          }
          delivered = true;
          lastActivityNanos = System.nanoTime();
        }
        event = "message";
        data = null;
      } else if (line.startsWith(":")) {
        continue;
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(": ", colon) ? 2 : 1));
        if (field.equals("event")) {
          event = value;
        } else if (field.equals("data")) {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    }
    return delivered;
  }

  /** Pages the public timeline forward from {@code cursor}, oldest first, into the queue. */
  private boolean backfill(String cursor, FrameQueue queue) throws IOException, InterruptedException {
    String after = cursor;
    int statuses = 0;
    for (int page = 0; page < maxBackfillPages && !closed; page++) {
      HttpResponse<String> response = client.send(request(instance.resolve("/api/v1/timelines/public?limit=" + PAGE_SIZE
          + "&min_id=" + after)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("the public timeline answered HTTP " + response.statusCode());
      }
      List<JsonNode> page0 = new ArrayList<>();
      JSON.readTree(response.body()).forEach(page0::add);
      if (page0.isEmpty()) {
        break;
      }
      page0.sort(Comparator.comparing(status -> status.path("id").asText(), MastodonSource::byCursor));
      for (JsonNode status : page0) {
        if (!queue.put(new Frame("update", status.toString()), () -> closed)) {
          return statuses > 0;
        }
        statuses++;
        after = NumericCursor.later(after, status.path("id").asText());
        lastReadId = NumericCursor.later(lastReadId, after);
      }
      lastActivityNanos = System.nanoTime();
      if (page == maxBackfillPages - 1) {
        log.warn("backfill of {} stopped after {} pages; statuses after id {} that the stream no longer carries are missed",
            instance, maxBackfillPages, after);
      }
    }
    log.info("backfilled {} statuses of {} after id {}", statuses, instance, cursor);
    return statuses > 0;
  }

  /**
   * The id of a status as the stream sends it: its first field, {@code "id":"<digits>"}, found without
   * parsing the whole status a second time (the mapper parses it); null when it is not there, as in a
   * malformed frame, which the mapper dead-letters.
   */
  static String statusId(CharSequence status) {
    Matcher id = LEADING_ID.matcher(status);
    return id.lookingAt() && NumericCursor.isCursor(id.group(1)) ? id.group(1) : null;
  }

  private static int byCursor(String a, String b) {
    return a.equals(b) ? 0 : NumericCursor.later(a, b).equals(a) ? 1 : -1;
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (uri.getPath().contains("/streaming/")) {
      // A stream has no response timeout: it ends by the watchdog or the server.
      request = HttpRequest.newBuilder(uri);
    }
    if (accessToken != null && !accessToken.isBlank()) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return request;
  }

  private void closeIfIdle() {
    InputStream body = openBody;
    if (body != null && System.nanoTime() - lastActivityNanos > idleTimeout.toNanos()) {
      log.warn("no event or heartbeat from {} for {} s: reconnecting", instance, idleTimeout.toSeconds());
      closeQuietly(body);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    watchdog.shutdownNow();
    InputStream body = openBody;
    if (body != null) {
      closeQuietly(body);
    }
    if (reader != null) {
      reader.interrupt();
      reader.join(10_000);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Closing is how a stalled read is ended; its failure changes nothing.
    }
  }
}
