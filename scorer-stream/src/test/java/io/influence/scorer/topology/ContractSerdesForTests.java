package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Plain Avro binary serdes for topology tests that do not exercise the registry. */
final class ContractSerdesForTests {

  ScoringTopology.ContractSerdes contract() {
    return new ScoringTopology.ContractSerdes(avro(InteractionEvent.class), avro(AccountLink.class), avro(UserScore.class), avro(ErasureRequest.class));
  }

  private static <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          var encoder = EncoderFactory.get().binaryEncoder(out, null);
          try {
            writer.write(value, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new SerializationException(e);
          }
          return out.toByteArray();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a " + type.getSimpleName(), e);
          }
        });
  }
}
