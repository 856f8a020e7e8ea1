package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PairHistoryTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long T0 = 1_700_000_000_000L;
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  @Test
  void aPairsFirstEngagementCountsFullyAndTheSecondAtOnceHalf() {
    PairHistory once = PairHistory.none().after(T0, parameters);
    assertThat(PairHistory.none().repetitionFactor(T0, parameters)).isEqualTo(1.0);
    assertThat(once.repetitionFactor(T0, parameters)).isEqualTo(0.5);
  }

  @Test
  void earlierEngagementsDecayWithTheHalfLife() {
    PairHistory once = PairHistory.none().after(T0, parameters);
    assertThat(once.repetitionFactor(T0 + 50 * DAY, parameters)).isCloseTo(1 / 1.5, within(1e-12));
  }

  @Test
  void justInsideTheWindowThePairStillDiscountsAndOnceItsLatestEngagementLeftTheWindowItIsNew() {
    PairHistory often = PairHistory.none();
    for (int i = 0; i < 20; i++) {
      often = often.after(T0 + i * 1000L, parameters);
    }
    long latest = T0 + 19_000L;
    assertThat(often.forgottenAtMillis(parameters)).isEqualTo(latest + 90 * DAY);
    assertThat(often.repetitionFactor(latest + 90 * DAY - 1, parameters)).isLessThan(0.9);
    assertThat(often.repetitionFactor(latest + 90 * DAY, parameters)).isEqualTo(1.0);
    assertThat(often.repetitionFactor(latest + 200 * DAY, parameters)).isEqualTo(1.0);
  }

  @Test
  void anEngagementAfterTheWindowStartsTheCountAfresh() {
    PairHistory old = PairHistory.none().after(T0, parameters).after(T0, parameters);
    PairHistory renewed = old.after(T0 + 200 * DAY, parameters);
    assertThat(renewed).isEqualTo(new PairHistory(1, T0 + 200 * DAY));
  }

  @Test
  void aLateEngagementSeesTheCountAsOfTheLatestOneNeverMore() {
    PairHistory twice = PairHistory.none().after(T0, parameters).after(T0 + DAY, parameters);
    assertThat(twice.repetitionFactor(T0, parameters)).isEqualTo(twice.repetitionFactor(T0 + DAY, parameters));
    assertThat(twice.after(T0, parameters).asOfMillis()).isEqualTo(T0 + DAY);
  }
}
