package io.influence.scorer.serde;

import io.influence.scorer.model.EngagementType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact versioned binary format for the service's internal records (state stores and repartition
 * topics). These are not a contract with anyone else, so they skip the registry; the leading version
 * byte lets a later release read what an earlier one stored.
 */
public abstract class BinaryFormat<T> implements Serde<T> {
  private final byte version;

  protected BinaryFormat(int version) {
    this.version = (byte) version;
  }

  protected abstract void write(T value, DataOutputStream out) throws IOException;

  protected abstract T read(DataInputStream in) throws IOException;

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
  }

  public byte[] toBytes(T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(version);
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public T fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte found = in.readByte();
      if (found != version) {
        throw new SerializationException(getClass().getSimpleName() + " reads format version " + version + ", found " + found);
      }
      return read(in);
    } catch (IOException e) {
      throw new SerializationException(getClass().getSimpleName() + " cannot read a record of " + bytes.length + " bytes", e);
    }
  }

  protected static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
    out.writeInt(strings.size());
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  protected static List<String> readStrings(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> strings = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      strings.add(in.readUTF());
    }
    return strings;
  }

  protected static void writeDoubles(Map<String, Double> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeDouble(entry.getValue());
    }
  }

  protected static Map<String, Double> readDoubles(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<String, Double> values = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      values.put(in.readUTF(), in.readDouble());
    }
    return values;
  }

  /** Engagement counts by type, the type by name, so that reordering the enum cannot change what was stored. */
  protected static void writeCounts(Map<EngagementType, Long> counts, DataOutputStream out) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<EngagementType, Long> count : counts.entrySet()) {
      out.writeUTF(count.getKey().name());
      out.writeLong(count.getValue());
    }
  }

  protected static Map<EngagementType, Long> readCounts(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<EngagementType, Long> counts = new EnumMap<>(EngagementType.class);
    for (int i = 0; i < size; i++) {
      counts.put(EngagementType.valueOf(in.readUTF()), in.readLong());
    }
    return counts;
  }
}
