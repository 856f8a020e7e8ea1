package io.influence.scorer.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aClientMaySendItsBurstAtOnceThenWaitsForTheRefill() {
    RateLimiter limiter = new RateLimiter(2, 4);
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.acquire("10.0.0.1", 0)).isZero();
    }
    assertThat(limiter.acquire("10.0.0.1", 0)).isEqualTo(1);
    assertThat(limiter.acquire("10.0.0.1", SECOND / 2)).isZero();
    assertThat(limiter.acquire("10.0.0.1", SECOND / 2)).isPositive();
  }

  @Test
  void eachClientHasItsOwnBucket() {
    RateLimiter limiter = new RateLimiter(1, 1);
    assertThat(limiter.acquire("10.0.0.1", 0)).isZero();
    assertThat(limiter.acquire("10.0.0.1", 0)).isPositive();
    assertThat(limiter.acquire("10.0.0.2", 0)).isZero();
  }

  @Test
  void aScanFromManyAddressesDoesNotGrowTheBucketsWithoutBound() {
    RateLimiter limiter = new RateLimiter(100, 200);
    for (int i = 0; i < 3 * RateLimiter.MAX_CLIENTS; i++) {
      limiter.acquire("client-" + i, (long) i * SECOND);
    }
    assertThat(limiter.clients()).isLessThanOrEqualTo(RateLimiter.MAX_CLIENTS + 1);
  }
}
