package io.influence.connector.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bluesky's rich-text facets index the post's text by UTF-8 byte, not by Java char ("app.bsky.richtext.facet":
 * byteStart inclusive, byteEnd exclusive): in a text with an emoji or Korean before a hashtag, char
 * indices would cut the wrong span.
 */
final class Utf8Slice {
  private Utf8Slice() {}

  /** The text between two byte offsets, or empty when the range is outside the text or splits a character. */
  static Optional<String> of(String text, long byteStart, long byteEnd) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (byteStart < 0 || byteEnd > bytes.length || byteStart >= byteEnd
        || isContinuation(bytes, (int) byteStart) || isContinuation(bytes, (int) byteEnd)) {
      return Optional.empty();
    }
    return Optional.of(new String(Arrays.copyOfRange(bytes, (int) byteStart, (int) byteEnd), StandardCharsets.UTF_8));
  }

  private static boolean isContinuation(byte[] bytes, int index) {
    return index < bytes.length && (bytes[index] & 0xC0) == 0x80;
  }
}
