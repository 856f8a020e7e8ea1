package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinaryFormatTest {
  /** A record of every kind of field the writer knows. */
  private record Sample(long count, long reference, long time, double amount, List<String> names) {}

  private static final class SampleFormat extends BinaryFormat<Sample> {
    SampleFormat(int version) {
      super("the sample store", version);
    }

    @Override
    protected void write(Sample sample, BinaryWriter out) {
      out.writeVarLong(sample.count());
      out.writeLongFrom(0, sample.reference());
      out.writeLongFrom(sample.reference(), sample.time());
      out.writeDouble(sample.amount());
      writeStrings(sample.names(), out);
    }

    @Override
    protected Sample read(BinaryReader in) {
      long count = in.readVarLong();
      long reference = in.readLongFrom(0);
      return new Sample(count, reference, in.readLongFrom(reference), in.readDouble(), readStrings(in));
    }
  }

  private final SampleFormat format = new SampleFormat(7);

  private Sample roundTrip(Sample sample) {
    return format.fromBytes(format.toBytes(sample));
  }

  @Test
  void everyLongReadsBackWhateverItsReference() {
    long[] values = {0, 1, -1, 63, 64, 127, 128, 16_383, 16_384, 1_341_100_972_000L, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long reference : values) {
      for (long time : values) {
        Sample sample = new Sample(Math.abs(reference == Long.MIN_VALUE ? 0 : reference), reference, time, 0, List.of());
        assertThat(roundTrip(sample)).isEqualTo(sample);
      }
    }
  }

  @Test
  void aTimeNearItsReferenceTakesAFewBytesAndAnyTimeAtMostTen() {
    long at = 1_341_100_972_000L;
    int near = format.toBytes(new Sample(0, at, at + 60_000, 0, List.of())).length;
    int far = format.toBytes(new Sample(0, 0, Long.MIN_VALUE, 0, List.of())).length;

    assertThat(near).isEqualTo(1 + 1 + 6 + 3 + 8 + 1);
    assertThat(far).isEqualTo(1 + 1 + 1 + 10 + 8 + 1);
  }

  @Test
  void doublesReadBackToTheLastBit() {
    double[] values = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI, 0.1 + 0.2, Double.NEGATIVE_INFINITY,
        Double.longBitsToDouble(0x7ff8_0000_0000_0123L)};
    for (double value : values) {
      double read = roundTrip(new Sample(0, 0, 0, value, List.of())).amount();
      assertThat(Double.doubleToRawLongBits(read)).isEqualTo(Double.doubleToRawLongBits(value));
    }
  }

  @Test
  void stringsReadBackWhetherRepeatedSharingAPrefixOrNot() {
    List<String> names = List.of("twitter:223789", "twitter:213163", "twitter:223789", "", "bluesky:é", "bluesky:ü",
        "x\uD83D\uDE00a", "x\uD83D\uDE01b", "x", "twitter:213163");
    assertThat(roundTrip(new Sample(names.size(), 0, 0, 0, names)).names()).isEqualTo(names);
  }

  @Test
  void aRepeatedStringCostsOneByteAndASharedPrefixIsNotWrittenAgain() {
    int one = format.toBytes(new Sample(0, 0, 0, 0, List.of("twitter:223789"))).length;
    int repeated = format.toBytes(new Sample(0, 0, 0, 0, List.of("twitter:223789", "twitter:223789"))).length;
    int sharing = format.toBytes(new Sample(0, 0, 0, 0, List.of("twitter:223789", "twitter:213163"))).length;

    assertThat(repeated - one).isEqualTo(1);
    assertThat(sharing - one).isEqualTo(1 + 1 + "13163".length());
  }

  @Test
  void aRecordOfAnotherVersionIsRefusedWithTheStoreNamed() {
    byte[] older = new SampleFormat(6).toBytes(new Sample(0, 0, 0, 0, List.of()));

    assertThatThrownBy(() -> format.fromBytes(older))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("the sample store")
        .hasMessageContaining("version 6")
        .hasMessageContaining("reads version 7")
        .hasMessageContaining("application.id");
  }

  @Test
  void aTruncatedRecordOrOneWithBytesLeftOverIsRefused() {
    byte[] bytes = format.toBytes(new Sample(3, 0, 0, 1.5, List.of("a", "b")));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);

    assertThatThrownBy(() -> format.fromBytes(truncated)).isInstanceOf(SerializationException.class).hasMessageContaining("the sample store");
    assertThatThrownBy(() -> format.fromBytes(longer)).isInstanceOf(SerializationException.class).hasMessageContaining("1 bytes after its end");
    assertThatThrownBy(() -> format.fromBytes(new byte[0])).isInstanceOf(SerializationException.class).hasMessageContaining("an empty record");
  }

  @Test
  void recordsWrittenOneAfterAnotherShareNothing() {
    List<Sample> samples = new ArrayList<>();
    List<byte[]> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Sample sample = new Sample(i, i, -i, i / 3.0, List.of("twitter:" + i, "twitter:" + (i + 1)));
      samples.add(sample);
      written.add(format.toBytes(sample));
    }
    for (int i = 0; i < samples.size(); i++) {
      assertThat(format.fromBytes(written.get(i))).isEqualTo(samples.get(i));
    }
  }
}
