package io.influence.connector;

import io.influence.schema.InteractionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding of InteractionEvent, without a Schema Registry: enough for tests to
 * publish real Avro and read it back.
 */
final class AvroTestSerde {
  private AvroTestSerde() {}

  static Serializer<InteractionEvent> serializer() {
    return (topic, event) -> {
      try {
        ByteBuffer buffer = event.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static Deserializer<InteractionEvent> deserializer() {
    return (topic, bytes) -> {
      try {
        return InteractionEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
