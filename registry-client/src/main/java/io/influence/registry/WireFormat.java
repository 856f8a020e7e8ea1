package io.influence.registry;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a serialized record: magic byte 0, the writer schema's registry id as a 4-byte
 * big-endian int, then the payload (Avro binary). Every Confluent client in every language reads and
 * writes this, which is what lets a Python producer feed a Java consumer.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 1 + Integer.BYTES;

  private WireFormat() {
  }

  /** The header announcing {@code schemaId}, to be followed by the payload. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The writer schema id of a framed record from {@code topic}, after checking the frame. */
  public static int schemaId(String topic, byte[] framed) {
    if (framed.length < HEADER_LENGTH) {
      throw new SerializationException("Record from topic '" + topic + "' is " + framed.length
          + " bytes, too short for the Confluent wire format (magic byte 0, 4-byte schema id, Avro data): "
          + "was it written by a Confluent serializer?");
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new SerializationException("Record from topic '" + topic + "' starts with magic byte " + framed[0]
          + ", not 0: it is not in the Confluent wire format (was it written by a plain Avro or JSON serializer?)");
    }
    return ByteBuffer.wrap(framed, 1, Integer.BYTES).getInt();
  }
}
