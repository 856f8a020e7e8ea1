package io.influence.scorer.topology;

import io.influence.schema.UserScore;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.PairHistory;
import io.influence.scorer.model.ScoredUser;
import io.influence.scorer.model.UserInfluence;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Applies each engagement to its target's influence, keeps the state in {@link ScoringTopology#USER_INFLUENCE_STORE},
 * and publishes the target's score when it changed enough.
 */
final class ScoringProcessor implements Processor<String, Engagement, String, UserScore> {
  private final InfluenceParameters parameters;
  /** A replay reviews decay every hour of event time it goes through. */
  private static final Duration STREAM_TIME_REVIEW = Duration.ofHours(1);
  /**
   * How much longer than the late-event grace a pair's history outlives the time the model forgets it.
   * This task's stream time is the latest event time of all the partitions it reads, which advance at
   * their own pace: the decoders upstream accept an event within the grace of <em>their</em> stream
   * time, and in a replay one can lag this task by days (7 to 30 days in the replay of MathOverflow's
   * first three months). An engagement of the pair from such a partition must still find the pair's
   * count, or the stream would count it fully where {@code recompute} discounts it.
   */
  static final Duration PARTITION_SKEW_ALLOWANCE = Duration.ofDays(90);

  private final double minScoreChange;
  private final TopologySettings.Decay decaySettings;
  private final Duration lateGrace;
  private final ScorerMetrics metrics;
  private final SingleStartTasks taskStarts;
  private KeyValueStore<String, ScoredUser> store;
  private ExpiringStore<String, PairHistory> pairs;
  private ReadOnlyKeyValueStore<String, Long> erasedUsers;
  private KeyValueStore<String, Long> erasedTargets;
  private DailyActivityRecorder history;
  private DecayReviewer decay;
  private ProcessorContext<String, UserScore> context;

  ScoringProcessor(InfluenceParameters parameters, double minScoreChange, TopologySettings.Decay decaySettings, Duration lateGrace,
      ScorerMetrics metrics, SingleStartTasks taskStarts) {
    this.parameters = parameters;
    this.minScoreChange = minScoreChange;
    this.decaySettings = decaySettings;
    this.lateGrace = lateGrace;
    this.metrics = metrics;
    this.taskStarts = taskStarts;
  }

  @Override
  public void init(ProcessorContext<String, UserScore> context) {
    // Every store of the engagements' sub-topology is in this processor's task: one check covers them all.
    taskStarts.started(context.taskId());
    this.context = context;
    this.store = context.getStateStore(ScoringTopology.USER_INFLUENCE_STORE);
    this.pairs = ExpiringStore.open(context, ScoringTopology.PAIR_HISTORY_STORE, pair -> pair.forgottenAtMillis(parameters),
        lateGrace.plus(PARTITION_SKEW_ALLOWANCE), metrics);
    this.erasedUsers = context.getStateStore(ScoringTopology.ERASED_USERS_STORE);
    this.erasedTargets = context.getStateStore(ScoringTopology.ERASED_TARGETS_STORE);
    this.history = new DailyActivityRecorder(context.getStateStore(ScoringTopology.DAILY_ACTIVITY_STORE));
    this.decay = new DecayReviewer(parameters, decaySettings.minDrop(), metrics, context, store, history);
    context.schedule(STREAM_TIME_REVIEW, PunctuationType.STREAM_TIME, time -> decay.review());
    context.schedule(decaySettings.reviewInterval(), PunctuationType.WALL_CLOCK_TIME, time -> decay.review());
  }

  @Override
  public void process(Record<String, Engagement> record) {
    if (isErased(record.value())) {
      metrics.eventOutcome(EventOutcome.IGNORED, ScorerMetrics.ERASED_USER);
      return;
    }
    Engagement engagement = record.value();
    ScoredUser stored = store.get(engagement.targetId());
    UserInfluence user = stored == null ? UserInfluence.newUser(engagement.targetId()) : UserInfluence.restore(stored.influence());

    String pairKey = ScoringTopology.pairKey(engagement.targetId(), engagement.actorId());
    PairHistory pair = engagement.type() == EngagementType.POST ? null : pairs.get(pairKey);
    PairHistory pastEngagements = pair == null ? PairHistory.none() : pair;
    long at = engagement.occurredAtMillis();

    Contribution contribution = user.receive(engagement, pastEngagements.repetitionFactor(at, parameters), parameters);
    switch (contribution.outcome()) {
      case IGNORED, DUPLICATE -> {
        metrics.eventOutcome(contribution.outcome() == Contribution.Outcome.IGNORED ? EventOutcome.IGNORED : EventOutcome.DUPLICATE,
            contribution.reason());
        return;
      }
      case ACTIVITY -> metrics.eventOutcome(EventOutcome.IGNORED, contribution.reason());
      case SCORED -> {
        metrics.eventOutcome(EventOutcome.SCORED, contribution.reason());
        pairs.put(pairKey, pastEngagements.after(at, parameters));
      }
    }
    // A late event is folded in at its own time, but the score stays as of the latest event seen.
    InfluenceSnapshot snapshot = user.snapshotAt(user.latestEventMillis(), parameters);
    boolean publishing = user.isWorthPublishing(snapshot, minScoreChange);
    DailyActivity currentDay = history.recordEngagement(user.userId(), stored == null ? null : stored.currentDay(), engagement,
        contribution, publishing ? snapshot : null);
    if (publishing) {
      double previous = user.markPublished(snapshot);
      context.forward(record.withKey(user.userId())
          .withValue(UserScores.fromEvent(snapshot, previous, user.published(), engagement, contribution))
          .withTimestamp(snapshot.asOfMillis()));
      metrics.scoreUpdatedByEvent(engagement.network(), snapshot.asOfMillis());
    }
    long review = decay.scheduleAfterEvent(snapshot, stored == null ? ScoredUser.NO_REVIEW : stored.decayReviewMillis());
    store.put(user.userId(), new ScoredUser(user.state(), currentDay, review));
  }

  /**
   * Whether the engagement's target or actor asked to be forgotten: the target as this task erased
   * them, in order with their engagements; the actor, and a target whose erasure has not reached this
   * partition yet, as every instance's global store knows it.
   */
  private boolean isErased(Engagement engagement) {
    return erasedTargets.get(engagement.targetId()) != null || erasedUsers.get(engagement.targetId()) != null
        || erasedUsers.get(engagement.actorId()) != null;
  }
}
