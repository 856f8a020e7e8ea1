package io.influence.bench;

import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.model.InfluenceParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole offline model ({@code recompute} without the file): duplicate check, actor's score,
 * selectivity, pair repetition, target's influence and the publication decision, per event.
 *
 * <p>One invocation scores a Higgs-sized week (560,000 engagements, 60,000 targets among 300,000
 * users, 1.3 % self-interactions) into a fresh model, so the state grows as in a real replay and the
 * set of seen event ids does not grow without end. Scores are events per second.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class InfluenceModelBenchmark extends OneThreadThroughput {
  private static final int EVENTS = 560_000;
  /** 2012-07-01T00:00:00Z, the Higgs file's first day. */
  private static final long FIRST_DAY = 1_341_100_800_000L;
  private static final long WEEK = 7 * 86_400_000L;

  private Engagement[] week;

  @Setup
  public void setUp() {
    week = new HiggsLikeEngagements(42, 60_000, 300_000, 0.013, 0).between(FIRST_DAY, FIRST_DAY + WEEK, EVENTS).engagements();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public InfluenceModel apply(Blackhole blackhole) {
    InfluenceModel model = new InfluenceModel(InfluenceParameters.defaults(), 0.01);
    for (Engagement engagement : week) {
      blackhole.consume(model.apply(engagement));
    }
    return model;
  }
}
