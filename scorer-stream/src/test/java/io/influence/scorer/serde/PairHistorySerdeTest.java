package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.PairHistory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PairHistorySerdeTest {
  private static final long T0 = 1_341_100_972_000L;

  private final PairHistorySerde serde = new PairHistorySerde();
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  @Test
  void aPairEngagedOnceReadsBackEqualInEightBytes() {
    PairHistory once = PairHistory.none().after(T0, parameters);

    assertThat(serde.fromBytes(serde.toBytes(once))).isEqualTo(once);
    assertThat(serde.toBytes(once)).hasSize(8);
  }

  @Test
  void aPairEngagedAgainReadsBackToTheLastBit() {
    PairHistory twice = PairHistory.none().after(T0, parameters).after(T0 + 3_600_000, parameters);
    PairHistory read = serde.fromBytes(serde.toBytes(twice));

    assertThat(Double.doubleToRawLongBits(read.count())).isEqualTo(Double.doubleToRawLongBits(twice.count()));
    assertThat(read).isEqualTo(twice);
  }

  @Test
  void noHistoryReadsBackEqual() {
    assertThat(serde.fromBytes(serde.toBytes(PairHistory.none()))).isEqualTo(PairHistory.none());
  }

  @Test
  void aRecordOfTheFormerFormatIsRefusedWithTheStoreNamed() {
    byte[] bytes = serde.toBytes(PairHistory.none());
    bytes[0] = 1;

    assertThatThrownBy(() -> serde.fromBytes(bytes)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("the pair-history store");
  }
}
