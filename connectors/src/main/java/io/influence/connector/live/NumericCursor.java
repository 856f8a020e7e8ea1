package io.influence.connector.live;

/**
 * Cursors of both streams are non-negative decimal numbers, Jetstream's {@code time_us} and Mastodon's
 * status ids, which outgrow a long in principle (Mastodon's are 64-bit unsigned snowflakes): compared as
 * digit strings, the longer is later.
 */
public final class NumericCursor {
  private NumericCursor() {}

  /** The later of two cursors; null counts as before everything. */
  public static String later(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int byLength = Integer.compare(a.length(), b.length());
    return (byLength != 0 ? byLength : a.compareTo(b)) >= 0 ? a : b;
  }

  /** Whether {@code text} is a cursor: digits only, without leading zeros unless it is 0. */
  public static boolean isCursor(String text) {
    return text != null && text.matches("0|[1-9][0-9]*");
  }
}
