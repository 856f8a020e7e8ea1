package io.influence.scorer.topology;

import io.influence.schema.CauseKind;
import io.influence.schema.ScoreCause;
import io.influence.schema.UserScore;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.DecaySchedule;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.ScoredUser;
import io.influence.scorer.model.UserInfluence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes the scores of users nobody engages: their score falls with time alone, and downstream
 * should see it fall. Each user has a due time, when decay could have taken {@code minDrop} points
 * (0.5 by default) off their score; an index ordered by due time ({@link ScoringTopology#DECAY_DUE_STORE})
 * lets a review visit only the users that are due, never all of them. The user's own record holds
 * their due time too ({@link ScoredUser#decayReviewMillis}), which an event reads with the rest of the
 * user, at no extra lookup, to move their index entry.
 *
 * <p>Reviews run on two clocks. A replay of old data is driven by stream time (the event time the task
 * has reached), so that 2012's users decay through 2012, not to today. Live traffic is driven by the
 * wall clock, so that scores keep falling when events stop arriving; the task counts as live while the
 * events it processes are less than {@value #LIVE_LAG_HOURS} hours old.
 */
final class DecayReviewer {
  static final int LIVE_LAG_HOURS = 1;
  /** A review publishes at most this many users, so that one punctuation cannot stall the task. */
  private static final int MAX_USERS_PER_REVIEW = 10_000;

  private final InfluenceParameters parameters;
  private final double minDrop;
  private final ScorerMetrics metrics;
  private final KeyValueStore<String, ScoredUser> users;
  private final KeyValueStore<String, String> dueIndex;
  private final ProcessorContext<String, UserScore> context;
  private final DailyActivityRecorder history;
  private long latestEventLagMillis = Long.MAX_VALUE;

  DecayReviewer(InfluenceParameters parameters, double minDrop, ScorerMetrics metrics, ProcessorContext<String, UserScore> context,
      KeyValueStore<String, ScoredUser> users, DailyActivityRecorder history) {
    this.parameters = parameters;
    this.minDrop = minDrop;
    this.metrics = metrics;
    this.context = context;
    this.users = users;
    this.history = history;
    this.dueIndex = context.getStateStore(ScoringTopology.DECAY_DUE_STORE);
  }

  /**
   * After a user's score was computed at {@code snapshot.asOfMillis()}: their first review is due when
   * decay could have moved it.
   *
   * @param dueMillis the user's review due now ({@link ScoredUser#NO_REVIEW} for none)
   * @return their review due from now on, for their record
   */
  long scheduleAfterEvent(InfluenceSnapshot snapshot, long dueMillis) {
    latestEventLagMillis = context.currentSystemTimeMs() - snapshot.asOfMillis();
    // A review already due earlier stays: it will find the user active and look again when decay
    // could have moved the score since their latest engagement (reviewUser). So an active user's
    // engagements cost no index writes, only an occasional review.
    long firstReview = DecaySchedule.firstReview(snapshot.asOfMillis(), minDrop, parameters);
    if (firstReview < dueMillis) {
      schedule(snapshot.userId(), firstReview, dueMillis);
      return firstReview;
    }
    return dueMillis;
  }

  /** The time a review runs at: the wall clock for live traffic, stream time for a replay. */
  long reviewTime() {
    boolean live = latestEventLagMillis < Duration.ofHours(LIVE_LAG_HOURS).toMillis();
    return live ? context.currentSystemTimeMs() : context.currentStreamTimeMs();
  }

  /** Reviews every user due by {@link #reviewTime()}, publishing those whose score fell by {@code minDrop} or more. */
  void review() {
    long started = System.nanoTime();
    long now = reviewTime();
    List<String> due = new ArrayList<>();
    try (KeyValueIterator<String, String> entries = OrderedKeys.upTo(dueIndex, now)) {
      while (entries.hasNext() && due.size() < MAX_USERS_PER_REVIEW) {
        KeyValue<String, String> entry = entries.next();
        dueIndex.delete(entry.key);
        due.add(entry.value);
      }
    }
    for (String userId : due) {
      reviewUser(userId, now);
    }
    metrics.decayReviewed(due.size(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** The user's index entry, due by {@code now}, has been deleted: so is the review in their record, whatever comes next. */
  private void reviewUser(String userId, long now) {
    ScoredUser stored = users.get(userId);
    if (stored == null) {
      return;
    }
    UserInfluence user = UserInfluence.restore(stored.influence());
    DailyActivity currentDay = stored.currentDay();
    long next = ScoredUser.NO_REVIEW;
    if (user.published() != null) {
      // A review whose clock is behind the user's latest event publishes nothing: the score stays as of that event.
      if (now >= user.latestEventMillis()) {
        currentDay = publishIfFallen(user, currentDay, now);
      }
      // Engaged since the review was set: first when the score could have moved since then. Otherwise
      // when it will have fallen by minDrop from what was published, if it ever does (NO_REVIEW if never).
      long afterLatestEvent = DecaySchedule.firstReview(user.latestEventMillis(), minDrop, parameters);
      next = afterLatestEvent > now ? afterLatestEvent : user.whenScoreFallsTo(user.published().score() - minDrop, now, parameters);
    }
    if (next != ScoredUser.NO_REVIEW) {
      schedule(userId, next, ScoredUser.NO_REVIEW);
    }
    users.put(userId, new ScoredUser(user.state(), currentDay, next));
  }

  /** Publishes the user's score as of {@code now} if decay took {@code minDrop} or more off it; returns their day in progress after it. */
  private DailyActivity publishIfFallen(UserInfluence user, DailyActivity currentDay, long now) {
    InfluenceSnapshot snapshot = user.snapshotAt(now, parameters);
    if (!user.isWorthPublishing(snapshot, minDrop)) {
      return currentDay;
    }
    double previous = user.markDecayed(snapshot);
    ScoreCause cause = ScoreCause.newBuilder().setKind(CauseKind.DECAY).setContribution(0.0).build();
    context.forward(new Record<>(user.userId(), UserScores.toRecord(snapshot, previous, user.published(), cause), now));
    metrics.scoreUpdated("decay");
    return history.recordScore(user.userId(), currentDay, snapshot.score(), now);
  }

  /** @param previousMillis the user's due time now ({@link ScoredUser#NO_REVIEW} for none), which the index entry moves from */
  private void schedule(String userId, long dueMillis, long previousMillis) {
    if (previousMillis != ScoredUser.NO_REVIEW) {
      dueIndex.delete(indexKey(previousMillis, userId));
    }
    dueIndex.put(indexKey(dueMillis, userId), userId);
  }

  /** The index entry of a user due at {@code dueMillis}. */
  static String indexKey(long dueMillis, String userId) {
    return OrderedKeys.of(dueMillis, userId);
  }
}
