package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedRatePacerTest {
  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();

  private FixedRatePacer pacerAt(double eventsPerSecond) {
    return new FixedRatePacer(eventsPerSecond, () -> now, nanos -> {
      sleeps.add(nanos);
      now += nanos;
    });
  }

  @Test
  void theFirstEventGoesAtOnceAndEachNextOneAfterOneIntervalOfTheRate() throws InterruptedException {
    FixedRatePacer pacer = pacerAt(100);

    for (int i = 0; i < 4; i++) {
      pacer.awaitNext();
    }

    assertThat(sleeps).containsExactly(10_000_000L, 10_000_000L, 10_000_000L);
  }

  @Test
  void timeSpentBetweenEventsCountsTowardsTheInterval() throws InterruptedException {
    FixedRatePacer pacer = pacerAt(100);

    pacer.awaitNext();
    now += 4_000_000L;
    pacer.awaitNext();

    assertThat(sleeps).containsExactly(6_000_000L);
  }

  @Test
  void afterAnOverrunTheEventsAlreadyDueGoWithoutSleepingSoTheAverageRateHolds() throws InterruptedException {
    FixedRatePacer pacer = pacerAt(100);

    pacer.awaitNext();
    now += 35_000_000L;
    for (int i = 0; i < 4; i++) {
      pacer.awaitNext();
    }

    assertThat(sleeps).containsExactly(5_000_000L);
    assertThat(now).isEqualTo(1_000_000_000L + 40_000_000L);
  }

  @Test
  void aRateThatIsNotAPositiveNumberIsRefused() {
    assertThatThrownBy(() -> new FixedRatePacer(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventsPerSecond is 0.0; it must be a positive number");
    assertThatThrownBy(() -> new FixedRatePacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
