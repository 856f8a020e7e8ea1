package io.influence.scorer.serde;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads one record that a {@link BinaryWriter} wrote, in the same order; see there for the encodings. */
public final class BinaryReader {
  private static final VarHandle LONG_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /** A varint of a long takes at most ten bytes. */
  private static final int MAX_VARINT_SHIFT = 63;

  private final byte[] bytes;
  private int position;
  private final List<String> strings = new ArrayList<>();
  private String previousNewString = "";

  BinaryReader(byte[] bytes, int position) {
    this.bytes = bytes;
    this.position = position;
  }

  int remaining() {
    return bytes.length - position;
  }

  /** 0 to 255. */
  public int readByte() {
    checkRoom(1);
    return bytes[position++] & 0xFF;
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public long readVarLong() {
    long value = 0;
    for (int shift = 0; shift <= MAX_VARINT_SHIFT; shift += 7) {
      int next = readByte();
      value |= (long) (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalStateException("a varint longer than ten bytes at byte " + position);
  }

  /** A count or length, which a record of this service never makes larger than an int. */
  public int readVarInt() {
    return Math.toIntExact(readVarLong());
  }

  /** The value that {@link BinaryWriter#writeLongFrom} wrote against the same {@code reference}. */
  public long readLongFrom(long reference) {
    long zigzag = readVarLong();
    return reference + ((zigzag >>> 1) ^ -(zigzag & 1));
  }

  public double readDouble() {
    checkRoom(8);
    double value = Double.longBitsToDouble((long) LONG_BYTES.get(bytes, position));
    position += 8;
    return value;
  }

  public String readString() {
    long header = readVarLong();
    if ((header & 1) == 1) {
      return strings.get(Math.toIntExact(header >>> 1));
    }
    int shared = Math.toIntExact(header >>> 1);
    int length = readVarInt();
    checkRoom(length);
    String suffix = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    String value = shared == 0 ? suffix : previousNewString.substring(0, shared).concat(suffix);
    strings.add(value);
    previousNewString = value;
    return value;
  }

  private void checkRoom(int length) {
    if (length < 0 || length > bytes.length - position) {
      throw new IllegalStateException("the record ends at byte " + bytes.length + ", " + length + " more were expected at byte " + position);
    }
  }
}
