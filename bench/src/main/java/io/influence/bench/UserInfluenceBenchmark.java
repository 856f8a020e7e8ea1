package io.influence.bench;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.UserInfluence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-event update of one user's influence, in memory, without Kafka, state stores or serdes.
 *
 * <p>State: 4,096 users, each first fed 30 days of history (so they hold
 * full lists of top contributors and recent causes, and, with topics, a full set of tracked topics).
 * Then each operation applies the next of 2^18 pre-generated engagements of the following half day to
 * its target. Targets follow a Zipf law, so some users are hot and most are cold, as in the Higgs data:
 * the benchmark is not one object kept in the L1 cache. The trace cycles; all of it falls on one day,
 * so cycling only sends some engagements slightly back in time within the day, which the model takes
 * at the same cost.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UserInfluenceBenchmark extends OneThreadThroughput {
  private static final long DAY = 86_400_000L;
  /** 2012-07-01T00:00:00Z, the Higgs file's first day. */
  private static final long TODAY = 1_341_100_800_000L;
  private static final int USERS = 4_096;
  private static final int HISTORY_EVENTS = 500_000;
  private static final int TRACE_EVENTS = 1 << 18;

  /** Topics per engagement: 0 as in the Higgs file, 2 as in the service's own events. */
  @Param({"0", "2"})
  public int topics;

  private final InfluenceParameters parameters = InfluenceParameters.defaults();
  private UserInfluence[] users;
  private Engagement[] engagements;
  private int[] targets;
  private int next;

  @Setup
  public void setUp() {
    HiggsLikeEngagements source = new HiggsLikeEngagements(42, USERS, 100_000, 0, topics);
    users = new UserInfluence[USERS];
    for (int i = 0; i < USERS; i++) {
      users[i] = UserInfluence.newUser(source.userId(i));
    }
    HiggsLikeEngagements.Trace history = source.between(TODAY - 30 * DAY, TODAY, HISTORY_EVENTS);
    for (int i = 0; i < HISTORY_EVENTS; i++) {
      UserInfluence user = users[history.targets()[i]];
      user.receive(history.engagements()[i], 1.0, parameters);
      publishIfWorth(user, user.snapshotAt(user.latestEventMillis(), parameters));
    }
    HiggsLikeEngagements.Trace trace = source.between(TODAY, TODAY + DAY / 2, TRACE_EVENTS);
    engagements = trace.engagements();
    targets = trace.targets();
  }

  /** The pure update: {@code receive} alone. */
  @Benchmark
  public Contribution receive() {
    int i = next++ & (TRACE_EVENTS - 1);
    return users[targets[i]].receive(engagements[i], 1.0, parameters);
  }

  /**
   * What the stream's scoring step does per event once the state is loaded: receive, take the
   * snapshot as of the latest event, and decide whether to publish it.
   */
  @Benchmark
  public void receiveAndSnapshot(Blackhole blackhole) {
    int i = next++ & (TRACE_EVENTS - 1);
    UserInfluence user = users[targets[i]];
    blackhole.consume(user.receive(engagements[i], 1.0, parameters));
    InfluenceSnapshot snapshot = user.snapshotAt(user.latestEventMillis(), parameters);
    blackhole.consume(publishIfWorth(user, snapshot));
  }

  private static boolean publishIfWorth(UserInfluence user, InfluenceSnapshot snapshot) {
    boolean worth = user.isWorthPublishing(snapshot, 0.01);
    if (worth) {
      user.markPublished(snapshot);
    }
    return worth;
  }
}
