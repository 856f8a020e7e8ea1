package io.influence.connector.live;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Jetstream frames made for tests that need many: likes of five stars by 97 fans, one a millisecond. */
public final class SyntheticFrames {
  private static final long FIRST_TIME_US = 1783175888000000L;

  private SyntheticFrames() {}

  /** {@code count} like commits, in time order, each with its own record key. */
  public static List<String> likes(int count) {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add("{\"did\":\"did:plc:fan" + (i % 97) + "\",\"time_us\":" + (FIRST_TIME_US + i * 1000L)
          + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r" + i + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
          + "\"rkey\":\"like" + i + "\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"createdAt\":\"2026-07-04T14:38:08.999Z\","
          + "\"subject\":{\"cid\":\"bafy\",\"uri\":\"at://" + star(i % 5) + "/app.bsky.feed.post/p" + i + "\"}},\"cid\":\"bafy" + i + "\"}}");
    }
    return frames;
  }

  /** The DID of the star that like number {@code i % 5} is for. */
  public static String star(int index) {
    return "did:plc:star" + index;
  }

  /**
   * A Jetstream server's behaviour for restart tests: each connection gets the frames from the cursor it
   * asks for (all of them without one), the first connection one a millisecond so that a test can kill
   * the connector midway, then the connection is held open.
   */
  public static TestWebSocketServer.Script fromTheCursorAsked(List<String> frames) {
    return (connection, request, session) -> {
      long cursor = cursorOf(request);
      for (String frame : frames) {
        if (timeUs(frame) >= cursor) {
          session.sendText(frame);
          if (connection == 0) {
            Thread.sleep(1);
          }
        }
      }
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    };
  }

  /** A frame's {@code time_us}. */
  public static long timeUs(String frame) {
    int at = frame.indexOf("\"time_us\":") + "\"time_us\":".length();
    return Long.parseLong(frame.substring(at, frame.indexOf(',', at)));
  }

  /** The {@code cursor} a Jetstream client asked to resume from, or 0 for the live head. */
  public static long cursorOf(URI request) {
    String query = request.getQuery() == null ? "" : request.getQuery();
    for (String parameter : query.split("&")) {
      if (parameter.startsWith("cursor=")) {
        return Long.parseLong(parameter.substring("cursor=".length()));
      }
    }
    return 0;
  }
}
