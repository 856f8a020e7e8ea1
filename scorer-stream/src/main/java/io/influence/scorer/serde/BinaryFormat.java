package io.influence.scorer.serde;

import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.PublishedScore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact versioned binary format for the service's internal records (state stores and repartition
 * topics), written with a {@link BinaryWriter} and read with a {@link BinaryReader}. These are not a
 * contract with anyone else, so they skip the registry. The leading version byte names the format; a
 * record of another version is refused with a message that names where it was found, since this service
 * does not migrate state: a new format needs a new {@code application.id} or a reset of the
 * application's state (docs/ARCHITECTURE.md).
 */
public abstract class BinaryFormat<T> implements Serde<T> {
  /**
   * Engagement types by a stable code, their position here, so that reordering or extending the enum
   * cannot change what a stored record means: append new types, never reorder.
   */
  private static final List<EngagementType> TYPE_CODES = List.of(EngagementType.SHARE, EngagementType.MENTION,
      EngagementType.REPLY, EngagementType.COMMENT, EngagementType.LIKE, EngagementType.POST, EngagementType.FOLLOW);
  private static final int[] CODE_OF_TYPE = codesByOrdinal();

  private final String holder;
  private final byte version;
  /** One writer per thread: a serde is shared by every task of a store, and tasks run on several threads. */
  private final ThreadLocal<BinaryWriter> writers = ThreadLocal.withInitial(BinaryWriter::new);

  /**
   * @param holder where these records live, for error messages: "the user-influence store"
   * @param version this format's version, written first in every record
   */
  protected BinaryFormat(String holder, int version) {
    this.holder = holder;
    this.version = (byte) version;
  }

  protected abstract void write(T value, BinaryWriter out);

  protected abstract T read(BinaryReader in);

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
  }

  public byte[] toBytes(T value) {
    BinaryWriter out = writers.get();
    out.reset();
    out.writeByte(version);
    write(value, out);
    return out.toByteArray();
  }

  public T fromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != version) {
      String found = bytes.length == 0 ? "an empty record" : "a record of format version " + bytes[0];
      throw new SerializationException(holder + " holds " + found + "; this release reads version " + version
          + " only. A change of format needs a new application.id or a reset of the application's state");
    }
    BinaryReader in = new BinaryReader(bytes, 1);
    T value;
    try {
      value = read(in);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot read a record of " + bytes.length + " bytes in " + holder + ": " + e.getMessage(), e);
    }
    if (in.remaining() != 0) {
      throw new SerializationException("a record of " + bytes.length + " bytes in " + holder + " has " + in.remaining()
          + " bytes after its end");
    }
    return value;
  }

  protected static void writeStrings(List<String> strings, BinaryWriter out) {
    out.writeVarLong(strings.size());
    for (String string : strings) {
      out.writeString(string);
    }
  }

  protected static List<String> readStrings(BinaryReader in) {
    int size = in.readVarInt();
    List<String> strings = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      strings.add(in.readString());
    }
    return strings;
  }

  /** Written in key order, which keeps ids that share a prefix next to each other for {@link BinaryWriter#writeString}. */
  protected static void writeDoubles(Map<String, Double> values, BinaryWriter out) {
    out.writeVarLong(values.size());
    Map<String, Double> ordered = values instanceof TreeMap<String, Double> sorted ? sorted : new TreeMap<>(values);
    ordered.forEach((key, value) -> {
      out.writeString(key);
      out.writeDouble(value);
    });
  }

  protected static Map<String, Double> readDoubles(BinaryReader in) {
    int size = in.readVarInt();
    Map<String, Double> values = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      values.put(in.readString(), in.readDouble());
    }
    return values;
  }

  protected static void writeType(EngagementType type, BinaryWriter out) {
    out.writeByte(CODE_OF_TYPE[type.ordinal()]);
  }

  protected static EngagementType readType(BinaryReader in) {
    return typeOfCode(in.readByte());
  }

  /** Engagement counts by type: which types (a bit per code), then the count of each, in code order. */
  protected static void writeCounts(Map<EngagementType, Long> counts, BinaryWriter out) {
    writeByType(counts, out, BinaryWriter::writeVarLong);
  }

  protected static Map<EngagementType, Long> readCounts(BinaryReader in) {
    return readByType(in, BinaryReader::readVarLong);
  }

  /** Amounts by type, as {@link #writeCounts} writes counts. */
  protected static void writeAmounts(Map<EngagementType, Double> amounts, BinaryWriter out) {
    writeByType(amounts, out, BinaryWriter::writeDouble);
  }

  protected static Map<EngagementType, Double> readAmounts(BinaryReader in) {
    return readByType(in, BinaryReader::readDouble);
  }

  private static <V> void writeByType(Map<EngagementType, V> byType, BinaryWriter out, BiConsumer<BinaryWriter, V> writeValue) {
    long mask = 0;
    for (EngagementType type : byType.keySet()) {
      mask |= 1L << CODE_OF_TYPE[type.ordinal()];
    }
    out.writeVarLong(mask);
    for (EngagementType type : TYPE_CODES) {
      V value = byType.get(type);
      if (value != null) {
        writeValue.accept(out, value);
      }
    }
  }

  private static <V> Map<EngagementType, V> readByType(BinaryReader in, Function<BinaryReader, V> readValue) {
    long mask = in.readVarLong();
    Map<EngagementType, V> byType = new EnumMap<>(EngagementType.class);
    for (int code = 0; mask >>> code != 0; code++) {
      if ((mask >>> code & 1) == 1) {
        byType.put(typeOfCode(code), readValue.apply(in));
      }
    }
    return byType;
  }

  /**
   * What was published for a user: the score, its time from {@code reference}, and the day-end scores,
   * each day from the one before. The latest day-end score is the score itself unless a decay was
   * published after it; a flag says so instead of writing it twice.
   */
  protected static void writePublished(PublishedScore published, long reference, BinaryWriter out) {
    out.writeDouble(published.score());
    out.writeLongFrom(reference, published.atMillis());
    NavigableMap<Long, Double> dayEndScores = published.dayEndScores();
    out.writeVarLong(dayEndScores.size());
    long previousDay = DailyActivity.dayIndexOf(published.atMillis());
    for (long day : dayEndScores.keySet()) {
      out.writeLongFrom(previousDay, day);
      previousDay = day;
    }
    boolean latestIsScore = !dayEndScores.isEmpty() && sameBits(dayEndScores.lastEntry().getValue(), published.score());
    out.writeBoolean(latestIsScore);
    (latestIsScore ? dayEndScores.headMap(dayEndScores.lastKey()) : dayEndScores).values().forEach(out::writeDouble);
  }

  protected static PublishedScore readPublished(long reference, BinaryReader in) {
    double score = in.readDouble();
    long atMillis = in.readLongFrom(reference);
    int count = in.readVarInt();
    long[] days = new long[count];
    long previousDay = DailyActivity.dayIndexOf(atMillis);
    for (int i = 0; i < count; i++) {
      days[i] = in.readLongFrom(previousDay);
      previousDay = days[i];
    }
    boolean latestIsScore = in.readBoolean();
    TreeMap<Long, Double> dayEndScores = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      dayEndScores.put(days[i], latestIsScore && i == count - 1 ? score : in.readDouble());
    }
    return new PublishedScore(score, atMillis, dayEndScores);
  }

  protected static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  private static EngagementType typeOfCode(int code) {
    if (code >= TYPE_CODES.size()) {
      throw new IllegalStateException("no engagement type has code " + code);
    }
    return TYPE_CODES.get(code);
  }

  private static int[] codesByOrdinal() {
    int[] codes = new int[EngagementType.values().length];
    for (EngagementType type : EngagementType.values()) {
      codes[type.ordinal()] = TYPE_CODES.indexOf(type);
      if (codes[type.ordinal()] < 0) {
        throw new IllegalStateException("engagement type " + type + " has no code in BinaryFormat.TYPE_CODES");
      }
    }
    return codes;
  }
}
