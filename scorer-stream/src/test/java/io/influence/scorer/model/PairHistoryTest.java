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
  void earlierEngagementsDecayWithThePairHalfLife() {
    PairHistory once = PairHistory.none().after(T0, parameters);
    assertThat(once.repetitionFactor(T0 + 7 * DAY, parameters)).isCloseTo(1 / 1.5, within(1e-12));
  }

  @Test
  void aPairIsNewAgainOnceItsCountHasDecayedBelowAHundredthAndNotBefore() {
    PairHistory often = PairHistory.none();
    for (int i = 0; i < 20; i++) {
      often = often.after(T0 + i * 1000L, parameters);
    }
    long forgotten = often.forgottenAtMillis(parameters);
    double halfLives = Math.log(often.count() / PairHistory.NEGLIGIBLE_COUNT) / Math.log(2);
    assertThat((double) forgotten - T0 - 19_000L).isCloseTo(halfLives * 7 * DAY, within(1.0));
    assertThat(often.repetitionFactor(forgotten - 1, parameters)).isLessThan(1.0).isGreaterThan(0.99);
    assertThat(often.repetitionFactor(forgotten, parameters)).isEqualTo(1.0);
  }

  @Test
  void anEngagementAfterThePairWasForgottenStartsTheCountAfresh() {
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
