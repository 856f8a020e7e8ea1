package io.influence.scorer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScorerMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScorerMetrics metrics = new ScorerMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theLatencyOfAScoreIsTheWallClockMinusItsEventTimeByNetwork() {
    metrics.scoreUpdatedByEvent("Twitter", NOW.minusMillis(1200).toEpochMilli());
    metrics.scoreUpdatedByEvent("twitter", NOW.minusSeconds(7).toEpochMilli());

    Timer latency = registry.get(ScorerMetrics.EVENT_SCORE_LATENCY).tag("network", "twitter").timer();
    assertThat(latency.count()).isEqualTo(2);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8200);
    assertThat(cumulativeCount(latency, Duration.ofSeconds(1))).isZero();
    assertThat(cumulativeCount(latency, Duration.ofSeconds(2))).isEqualTo(1);
    assertThat(cumulativeCount(latency, Duration.ofSeconds(10))).isEqualTo(2);
    assertThat(registry.get(ScorerMetrics.SCORE_UPDATES).tag("cause", "event").counter().count()).isEqualTo(2);
  }

  @Test
  void aScoreTimedInTheFutureCountsAsNoLatencyRatherThanVanishing() {
    metrics.scoreUpdatedByEvent("twitter", NOW.plusSeconds(30).toEpochMilli());

    Timer latency = registry.get(ScorerMetrics.EVENT_SCORE_LATENCY).timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void theSloOfFiveSecondsIsABucketBoundSoItsAlertIsExact() {
    assertThat(Arrays.asList(ScorerMetrics.LATENCY_BUCKETS)).contains(Duration.ofSeconds(5));
  }

  @Test
  void metersThatMayStayAtZeroExistFromTheStart() {
    assertThat(registry.get(ScorerMetrics.DECAY_REVIEWS).counter().count()).isZero();
    assertThat(registry.get(ScorerMetrics.DECAY_REVIEW_DURATION).timer().count()).isZero();
    assertThat(registry.get(ScorerMetrics.EVENT_OUTCOMES).tag("outcome", "duplicate").counter().count()).isZero();
    assertThat(registry.get(ScorerMetrics.USERS_TRACKED).gauge().value()).isZero();
  }

  @Test
  void aDecayReviewCountsTheUsersItLookedAtAndHowLongItTook() {
    metrics.decayReviewed(120, Duration.ofMillis(40));
    metrics.decayReviewed(30, Duration.ofMillis(10));

    assertThat(registry.get(ScorerMetrics.DECAY_REVIEWS).counter().count()).isEqualTo(150);
    Timer duration = registry.get(ScorerMetrics.DECAY_REVIEW_DURATION).timer();
    assertThat(duration.count()).isEqualTo(2);
    assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
  }

  @Test
  void aDuplicateIsAnOutcomeOfItsOwnInTheConservationLaw() {
    metrics.eventConsumed("twitter", "SHARE");
    metrics.eventDuplicate();

    assertThat(metrics.eventsConsumed()).isEqualTo(1);
    assertThat(metrics.outcomes(EventOutcome.DUPLICATE)).isEqualTo(1);
    assertThat(registry.get(ScorerMetrics.EVENT_OUTCOMES).tag("reason", ScorerMetrics.DUPLICATE_EVENT_ID).counter().count())
        .isEqualTo(1);
  }

  @Test
  void usersTrackedKeepsTheLastAnswerWhileTheStoresCannotBeAsked() {
    AtomicReference<OptionalLong> answer = new AtomicReference<>(OptionalLong.of(42));
    metrics.trackUsers(answer::get);
    assertThat(registry.get(ScorerMetrics.USERS_TRACKED).gauge().value()).isEqualTo(42);

    answer.set(OptionalLong.empty());
    assertThat(registry.get(ScorerMetrics.USERS_TRACKED).gauge().value()).isEqualTo(42);

    answer.set(OptionalLong.of(43));
    assertThat(registry.get(ScorerMetrics.USERS_TRACKED).gauge().value()).isEqualTo(43);
  }

  @Test
  void usersHeldIsOneSeriesPerStructureAndKeepsItsLastAnswerWhileRestoring() {
    AtomicReference<OptionalLong> store = new AtomicReference<>(OptionalLong.of(7));
    metrics.reportUsersHeld("user-influence", store::get);
    metrics.reportUsersHeld("leaderboards", () -> OptionalLong.of(3));
    assertThat(registry.get(ScorerMetrics.USERS_HELD).tag("structure", "user-influence").gauge().value()).isEqualTo(7);

    store.set(OptionalLong.empty());
    assertThat(registry.get(ScorerMetrics.USERS_HELD).tag("structure", "user-influence").gauge().value()).isEqualTo(7);
    assertThat(registry.get(ScorerMetrics.USERS_HELD).tag("structure", "leaderboards").gauge().value()).isEqualTo(3);
  }

  @Test
  void anHttpRequestIsTimedByRouteStatusAndWhetherAnotherInstanceAnswered() {
    metrics.httpRequest("GET", "/v1/users/{userId}", 200, false, 3_000_000);
    metrics.httpRequest("GET", "/v1/users/{userId}", 200, true, 9_000_000);
    metrics.httpRequest("GET", "/v1/users/{userId}", 404, false, 1_000_000);

    assertThat(registry.get(ScorerMetrics.HTTP_REQUESTS).tags("route", "/v1/users/{userId}", "status", "200", "target", "local")
        .timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
    assertThat(registry.get(ScorerMetrics.HTTP_REQUESTS).tags("status", "200", "target", "forwarded").timer().count()).isEqualTo(1);
    assertThat(registry.get(ScorerMetrics.HTTP_REQUESTS).tags("status", "404").timer().count()).isEqualTo(1);
  }

  private static double cumulativeCount(Timer timer, Duration bound) {
    for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
      if (bucket.bucket(TimeUnit.NANOSECONDS) == bound.toNanos()) {
        return bucket.count();
      }
    }
    throw new AssertionError("no bucket at " + bound);
  }
}
