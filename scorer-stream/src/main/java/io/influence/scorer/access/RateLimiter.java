package io.influence.scorer.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: each holds up to {@code burst} requests and refills at {@code perSecond}.
 * Clients idle long enough to have refilled are dropped when the map grows past {@value #MAX_CLIENTS},
 * so a scan from many addresses cannot grow the heap without bound.
 */
public final class RateLimiter {
  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long refilledAtNanos;

    Bucket(double tokens, long nowNanos) {
      this.tokens = tokens;
      this.refilledAtNanos = nowNanos;
    }
  }

  /** @param perSecond the sustained rate per client, above 0; @param burst how many at once, at least 1 */
  public RateLimiter(double perSecond, double burst) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /**
   * Takes one request from {@code client}'s bucket.
   *
   * @return 0 if it may go ahead, else how many seconds until it may (for {@code Retry-After})
   */
  public long acquire(String client, long nowNanos) {
    if (buckets.size() > MAX_CLIENTS) {
      forgetRefilled(nowNanos);
    }
    Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, nowNanos));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.refilledAtNanos) / 1e9 * perSecond);
      bucket.refilledAtNanos = nowNanos;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perSecond);
    }
  }

  /** How many clients have a bucket now. */
  int clients() {
    return buckets.size();
  }

  private void forgetRefilled(long nowNanos) {
    double refillNanos = burst / perSecond * 1e9;
    buckets.entrySet().removeIf(entry -> nowNanos - entry.getValue().refilledAtNanos > refillNanos);
  }
}
