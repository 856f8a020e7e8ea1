package io.influence.scorer.serde;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one record of a {@link BinaryFormat} into a growable buffer that is reused from record to
 * record, so that a record costs one array, its own. {@link BinaryReader} reads it back.
 *
 * <ul>
 *   <li>Counts, lengths and times are varints (LEB128: 7 bits a byte), times as a zigzag-coded
 *       difference from a time the reader already knows, so a timestamp near it takes a few bytes, not 8.
 *   <li>Doubles are their 8 IEEE 754 bytes, so every value reads back to the last bit.
 *   <li>A string written earlier in the same record is a back-reference to it; a new one keeps only what
 *       differs from the new string before it (front coding, as in Lucene's term dictionaries), so ids
 *       that share a prefix ({@code twitter:}, a connector's event-id prefix) cost their suffix.
 * </ul>
 */
public final class BinaryWriter {
  private static final VarHandle LONG_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer = new byte[256];
  private int size;
  private final Map<String, Integer> stringIndex = new HashMap<>();
  private String previousNewString = "";

  /** Starts a new record: the buffer and the strings of the previous one are forgotten. */
  void reset() {
    size = 0;
    if (!stringIndex.isEmpty()) {
      stringIndex.clear();
    }
    previousNewString = "";
  }

  /** A copy of what was written since the last {@link #reset()}. */
  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  public void writeByte(int value) {
    ensureRoom(1);
    buffer[size++] = (byte) value;
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** A number that is never negative (a count, a length), in 1 byte up to 127, 2 up to 16,383 and so on. */
  public void writeVarLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a varint is never negative, got " + value);
    }
    writeUnsigned(value);
  }

  /**
   * {@code value − reference}, zigzag-coded (0, −1, 1, −2 … as 0, 1, 2, 3 …) so that a small difference
   * either way is short. Any two longs work: the difference wraps around, and so does the sum that reads it.
   */
  public void writeLongFrom(long reference, long value) {
    long difference = value - reference;
    writeUnsigned((difference << 1) ^ (difference >> 63));
  }

  public void writeDouble(double value) {
    ensureRoom(8);
    LONG_BYTES.set(buffer, size, Double.doubleToRawLongBits(value));
    size += 8;
  }

  /**
   * A header, then for a new string its suffix in UTF-8. The header is odd for a back-reference (the
   * string's index in the record, shifted left) and even for a new string (the number of chars it shares
   * with the previous new string, shifted left); a new string's suffix is its UTF-8 length, then its bytes.
   */
  public void writeString(String value) {
    Integer index = stringIndex.putIfAbsent(value, stringIndex.size());
    if (index != null) {
      writeVarLong(((long) index << 1) | 1);
      return;
    }
    int shared = sharedPrefixLength(previousNewString, value);
    writeVarLong((long) shared << 1);
    byte[] suffix = value.substring(shared).getBytes(StandardCharsets.UTF_8);
    writeVarLong(suffix.length);
    ensureRoom(suffix.length);
    System.arraycopy(suffix, 0, buffer, size, suffix.length);
    size += suffix.length;
    previousNewString = value;
  }

  /**
   * How many chars two strings start with, never ending between the two chars of a surrogate pair, so
   * that what follows in either is a string of its own that UTF-8 can encode.
   */
  public static int sharedPrefixLength(String a, String b) {
    int limit = Math.min(a.length(), b.length());
    int shared = 0;
    while (shared < limit && a.charAt(shared) == b.charAt(shared)) {
      shared++;
    }
    return shared > 0 && Character.isHighSurrogate(b.charAt(shared - 1)) ? shared - 1 : shared;
  }

  /** LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last. */
  private void writeUnsigned(long value) {
    ensureRoom(10);
    while ((value & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  private void ensureRoom(int bytes) {
    if (size + bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
    }
  }
}
