package io.influence.connector.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void eachFailureWaitsAtMostTwiceTheLastCeilingCappedAtTheMaximumAndAResetStartsOver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    for (long ceiling : new long[] {100, 200, 400, 800, 1000, 1000}) {
      assertThat(backoff.nextDelay()).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
    }
    backoff.reset();
    assertThat(backoff.failures()).isZero();
    assertThat(backoff.nextDelay()).isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void delaysAreJitteredSoThatManyClientsDoNotReturnInStep() {
    long distinct = IntStream.range(0, 50).mapToObj(i -> {
      Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
      backoff.nextDelay();
      backoff.nextDelay();
      return backoff.nextDelay();
    }).distinct().count();

    assertThat(distinct).isGreaterThan(40);
  }
}
