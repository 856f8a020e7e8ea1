package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.scorer.model.PublishedScore;
import io.influence.scorer.model.PublishedStanding;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PublishedStandingSerdeTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_341_100_972_000L;

  private final PublishedStandingSerde serde = new PublishedStandingSerde();

  @Test
  void aStandingWithDaysAndTopicsReadsBackEqual() {
    PublishedScore published = PublishedScore.first(12.5, T0).next(0.1 + 0.2, T0 + DAY).next(Math.PI, T0 + 5 * DAY);
    PublishedStanding standing = new PublishedStanding(published, Map.of("physics", 40.0 / 3, "cern", 7.25));

    assertThat(serde.fromBytes(serde.toBytes(standing))).isEqualTo(standing);
  }

  @Test
  void aScoreLoweredByDecayReadsBackWithTheDayEndScoresItLeftAlone() {
    PublishedScore decayed = PublishedScore.first(30, T0).decayedTo(29.25, T0 + 9 * DAY);
    PublishedStanding read = serde.fromBytes(serde.toBytes(new PublishedStanding(decayed, Map.of())));

    assertThat(read.published()).isEqualTo(decayed);
    assertThat(read.published().asSeenAt(T0 + 10 * DAY, 1)).isEqualTo(30);
  }

  @Test
  void aHiggsUsersStandingTakesNoMoreThan19Bytes() {
    assertThat(serde.toBytes(new PublishedStanding(PublishedScore.first(1.9494039657926083, T0), Map.of()))).hasSizeLessThanOrEqualTo(19);
  }

  @Test
  void aWholeUserScoreInTheStoreIsRefusedWithTheStoreNamed() {
    byte[] confluentWireFormat = {0, 0, 0, 0, 1, 2};

    assertThatThrownBy(() -> serde.fromBytes(confluentWireFormat)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("the published-scores store holds a record of format version 0");
  }
}
