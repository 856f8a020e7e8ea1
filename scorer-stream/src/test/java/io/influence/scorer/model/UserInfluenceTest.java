package io.influence.scorer.model;

import static io.influence.scorer.model.Engagements.DAY;
import static io.influence.scorer.model.Engagements.T0;
import static io.influence.scorer.model.Engagements.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserInfluenceTest {
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  private UserInfluence receiving(Engagement... engagements) {
    UserInfluence user = UserInfluence.newUser("target");
    for (Engagement engagement : engagements) {
      user.receive(engagement, 1.0, parameters);
    }
    return user;
  }

  /** A steady stream of usual engagement for {@code days} days from distinct actors. */
  private void usualEngagement(UserInfluence user, long fromDay, int days, int perDay) {
    for (int day = 0; day < days; day++) {
      for (int i = 0; i < perDay; i++) {
        long at = T0 + (fromDay + day) * DAY + i * (DAY / perDay);
        user.receive(Engagements.fromActorScored("d" + (fromDay + day) + "-" + i, EngagementType.SHARE, "fan" + i, 40, "target", at),
            1.0, parameters);
      }
    }
  }

  @Test
  void aShareRaisesTheScoreOfItsTarget() {
    UserInfluence user = UserInfluence.newUser("target");
    double before = user.snapshotAt(T0, parameters).score();
    Contribution contribution = user.receive(of("e", EngagementType.SHARE, "a", "target", T0), 1.0, parameters);
    assertThat(contribution.outcome()).isEqualTo(Contribution.Outcome.SCORED);
    assertThat(user.snapshotAt(T0, parameters).score()).isGreaterThan(before);
  }

  @Test
  void aSelfInteractionChangesNothing() {
    UserInfluence user = UserInfluence.newUser("target");
    Contribution contribution = user.receive(of("e", EngagementType.SHARE, "target", "target", T0, "x"), 1.0, parameters);
    assertThat(contribution.outcome()).isEqualTo(Contribution.Outcome.IGNORED);
    assertThat(user.state()).isEqualTo(UserInfluence.newUser("target").state());
  }

  @Test
  void aPostCountsTowardTopicsButNotInfluence() {
    UserInfluence user = receiving(of("p", EngagementType.POST, "target", "target", T0, "cooking"));
    InfluenceSnapshot snapshot = user.snapshotAt(T0, parameters);
    assertThat(snapshot.influence()).isZero();
    assertThat(snapshot.topicNames()).containsExactly("cooking");
  }

  @Test
  void theTypesWeighShareNoLessThanMentionNoLessThanReplyEqualToCommentAboveLikeAboveFollow() {
    double share = receiving(of("e", EngagementType.SHARE, "a", "target", T0)).snapshotAt(T0, parameters).influence();
    double mention = receiving(of("e", EngagementType.MENTION, "a", "target", T0)).snapshotAt(T0, parameters).influence();
    double reply = receiving(of("e", EngagementType.REPLY, "a", "target", T0)).snapshotAt(T0, parameters).influence();
    double comment = receiving(of("e", EngagementType.COMMENT, "a", "target", T0)).snapshotAt(T0, parameters).influence();
    double like = receiving(of("e", EngagementType.LIKE, "a", "target", T0)).snapshotAt(T0, parameters).influence();
    double follow = receiving(of("e", EngagementType.FOLLOW, "a", "target", T0)).snapshotAt(T0, parameters).influence();

    assertThat(share).isGreaterThanOrEqualTo(mention);
    assertThat(mention).isGreaterThanOrEqualTo(reply);
    assertThat(reply).isEqualTo(comment).isGreaterThan(like);
    assertThat(like).isGreaterThan(follow).isPositive();
  }

  /** Four months of usual engagement, as a user new to the product has; two years, as an established one. */
  @ParameterizedTest(name = "after {0} days of usual engagement")
  @ValueSource(ints = {120, 730})
  void aMidRangeScoreLosesAboutTwoPointsAfterTwoWeeksIdleAndTwoWeeksOfUsualEngagementBringItBack(int steadyDays) {
    UserInfluence user = UserInfluence.newUser("target");
    usualEngagement(user, 0, steadyDays, 8);
    long steady = T0 + steadyDays * DAY;
    double before = user.snapshotAt(steady, parameters).score();
    double afterTwoIdleWeeks = user.snapshotAt(steady + 14 * DAY, parameters).score();
    usualEngagement(user, steadyDays + 14, 14, 8);
    double afterTwoActiveWeeks = user.snapshotAt(steady + 28 * DAY, parameters).score();

    String scores = "steady " + before + ", idle " + afterTwoIdleWeeks + ", active again " + afterTwoActiveWeeks;
    assertThat(before).as(scores).isBetween(40.0, 60.0);
    assertThat(before - afterTwoIdleWeeks).as(scores).isBetween(1.5, 2.5);
    assertThat(afterTwoActiveWeeks).as(scores).isCloseTo(before, within(0.5));
  }

  @Test
  void anIdleScoreKeepsFallingSlowlyAndKeepsTheStandingLongAfterTheMomentumIsGone() {
    UserInfluence user = UserInfluence.newUser("target");
    usualEngagement(user, 0, 365, 8);
    double steady = user.snapshotAt(T0 + 365 * DAY, parameters).score();
    double previous = steady;
    for (int day = 366; day < 365 + 2 * 365; day += 5) {
      double score = user.snapshotAt(T0 + day * DAY, parameters).score();
      assertThat(score).isLessThan(previous);
      previous = score;
    }
    double afterAYearIdle = user.snapshotAt(T0 + 2 * 365 * DAY, parameters).score();
    assertThat(afterAYearIdle).as("a year idle costs the momentum's share and two standing half-lives")
        .isBetween(steady - 20, steady - 10);
  }

  @Test
  void anEngagementArrivingMonthsLateCountsExactlyAsIfItHadArrivedOnTime() {
    Engagement early = of("early", EngagementType.SHARE, "a", "target", T0);
    Engagement later = of("later", EngagementType.SHARE, "b", "target", T0 + 200 * DAY);
    UserInfluence onTime = receiving(early, later);
    UserInfluence late = receiving(later, early);

    assertThat(late.snapshotAt(T0 + 201 * DAY, parameters).influence())
        .isCloseTo(onTime.snapshotAt(T0 + 201 * DAY, parameters).influence(), within(1e-12));
  }

  @Test
  void aBurstLiftsTheScoreAboveTheStandingByAtMostWhatTheCapAllows() {
    UserInfluence user = UserInfluence.newUser("target");
    for (int i = 0; i < 1_000; i++) {
      user.receive(Engagements.fromActorScored("b" + i, EngagementType.SHARE, "fan" + i, 40, "target", T0 + i), 1.0, parameters);
    }
    InfluenceSnapshot burst = user.snapshotAt(T0 + DAY, parameters);
    double standing = 1_000 * parameters.standingHalfLife().decayOver(DAY);
    double most = Math.pow(parameters.momentum().cap(), parameters.momentum().weight());

    assertThat(1 + burst.influence()).isCloseTo((1 + standing) * most, within(1e-6 * burst.influence()));
  }

  @Test
  void theStateIsTheSameSizeAfterAYearAsAfterAWeek() {
    UserInfluence week = UserInfluence.newUser("target");
    usualEngagement(week, 0, 7, 8);
    UserInfluence year = UserInfluence.newUser("target");
    usualEngagement(year, 0, 365, 8);

    UserInfluence.State small = week.state();
    UserInfluence.State large = year.state();
    assertThat(large.counts().get(EngagementType.SHARE)).isEqualTo(365 * 8);
    assertThat(large.standingByNetwork()).hasSameSizeAs(small.standingByNetwork());
    assertThat(large.byTopic()).hasSameSizeAs(small.byTopic());
    assertThat(large.forwardByContributor()).hasSameSizeAs(small.forwardByContributor());
    assertThat(large.recentCauses()).hasSameSizeAs(small.recentCauses());
  }

  @RepeatedTest(10)
  void theOrderInWhichEventsArriveDoesNotChangeTheResult() {
    Random random = new Random();
    List<Engagement> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      EngagementType type = EngagementType.values()[random.nextInt(EngagementType.values().length)];
      events.add(of("e" + i, type, "a" + random.nextInt(20), "target", T0 + random.nextInt((int) DAY), "t" + random.nextInt(4)));
    }
    UserInfluence inOrder = receiving(events.toArray(Engagement[]::new));
    Collections.shuffle(events, random);
    UserInfluence shuffled = receiving(events.toArray(Engagement[]::new));

    long at = T0 + 2 * DAY;
    InfluenceSnapshot expected = inOrder.snapshotAt(at, parameters);
    InfluenceSnapshot actual = shuffled.snapshotAt(at, parameters);
    assertThat(actual.influence()).isCloseTo(expected.influence(), within(1e-9 * expected.influence()));
    assertThat(actual.score()).isCloseTo(expected.score(), within(1e-9));
    assertThat(actual.topicNames()).isEqualTo(expected.topicNames());
  }

  @RepeatedTest(10)
  void moreEngagementNeverLowersTheScore() {
    Random random = new Random();
    UserInfluence user = UserInfluence.newUser("target");
    long at = T0;
    for (int i = 0; i < 200; i++) {
      at += random.nextInt((int) (DAY / 4));
      long now = at + random.nextInt((int) DAY);
      UserInfluence without = UserInfluence.restore(user.state());
      EngagementType type = EngagementType.values()[random.nextInt(EngagementType.values().length)];
      user.receive(Engagements.fromActorScored("e" + i, type, "a" + random.nextInt(50), 1 + random.nextInt(100), "target", at),
          0.1 + random.nextDouble() * 0.9, parameters);
      double withMore = UserInfluence.restore(user.state()).snapshotAt(now, parameters).score();
      assertThat(withMore).isGreaterThanOrEqualTo(without.snapshotAt(now, parameters).score() - 1e-9).isBetween(1.0, 100.0);
    }
  }

  @RepeatedTest(10)
  void decayNeverRaisesAScore() {
    Random random = new Random();
    UserInfluence user = UserInfluence.newUser("target");
    for (int i = 0; i < 100; i++) {
      user.receive(of("e" + i, EngagementType.SHARE, "a" + i, "target", T0 + random.nextInt((int) (20 * DAY))), 1.0, parameters);
    }
    double previous = Double.MAX_VALUE;
    for (long at = T0 + 20 * DAY; at < T0 + 120 * DAY; at += random.nextInt((int) DAY) + 1) {
      double score = user.snapshotAt(at, parameters).score();
      assertThat(score).isLessThanOrEqualTo(previous + 1e-12);
      previous = score;
    }
  }

  @Test
  void decayStaysExactAcrossTheLandmarkMovingForward() {
    UserInfluence user = UserInfluence.newUser("target");
    long later = 300 * DAY;
    user.receive(of("a", EngagementType.SHARE, "a", "target", T0), 1.0, parameters);
    user.receive(of("b", EngagementType.SHARE, "b", "target", T0 + later), 1.0, parameters);
    double each = parameters.weight(EngagementType.SHARE) * parameters.actorWeighting().multiplier(10);
    double standing = each * (1 + parameters.standingHalfLife().decayOver(later));
    double momentum = each * (1 + parameters.momentum().halfLife().decayOver(later));
    assertThat(user.snapshotAt(T0 + later, parameters).influence()).isCloseTo(parameters.influence(standing, momentum), within(1e-12));
  }

  @Test
  void aMoreInfluentialActorNeverContributesLess() {
    double previous = 0;
    for (double actorScore = 1; actorScore <= 100; actorScore += 0.5) {
      Contribution contribution = UserInfluence.newUser("target").receive(
          Engagements.fromActorScored("e", EngagementType.MENTION, "actor", actorScore, "target", T0), 1.0, parameters);
      assertThat(contribution.influence()).isGreaterThanOrEqualTo(previous);
      previous = contribution.influence();
    }
  }

  @Test
  void theTopContributorsAreWhoLiftedTheUserMost() {
    UserInfluence user = UserInfluence.newUser("target");
    for (int i = 0; i < 30; i++) {
      user.receive(Engagements.fromActorScored("s" + i, EngagementType.SHARE, "small" + i, 10, "target", T0 + i), 1.0, parameters);
    }
    user.receive(Engagements.fromActorScored("big", EngagementType.SHARE, "celebrity", 95, "target", T0 + 100), 1.0, parameters);
    List<UserInfluence.Contributor> top = user.topContributors(T0 + 100, parameters);
    assertThat(top).hasSize(parameters.topContributors());
    assertThat(top.get(0).actorId()).isEqualTo("celebrity");
    assertThat(user.recentCauses().get(0).eventId()).isEqualTo("big");
  }

  @Test
  void aBurstOnATopicPutsItInTheListAndItFadesAgain() {
    UserInfluence user = UserInfluence.newUser("target");
    for (int day = 0; day < 60; day++) {
      for (int i = 0; i < 5; i++) {
        user.receive(of("c" + day + "-" + i, EngagementType.SHARE, "f" + i, "target", T0 + day * DAY, "cooking", "travel", "music", "health", "books"), 1.0, parameters);
      }
    }
    assertThat(user.snapshotAt(T0 + 60 * DAY, parameters).topicNames()).doesNotContain("physics");
    for (int i = 0; i < 400; i++) {
      user.receive(of("b" + i, EngagementType.SHARE, "g" + i, "target", T0 + 60 * DAY, "physics"), 1.0, parameters);
    }
    assertThat(user.snapshotAt(T0 + 60 * DAY, parameters).topicNames().get(0)).isEqualTo("physics");
    for (int day = 61; day < 150; day++) {
      for (int i = 0; i < 5; i++) {
        user.receive(of("c" + day + "-" + i, EngagementType.SHARE, "f" + i, "target", T0 + day * DAY, "cooking", "travel", "music", "health", "books"), 1.0, parameters);
      }
    }
    assertThat(user.snapshotAt(T0 + 150 * DAY, parameters).topicNames()).doesNotContain("physics");
  }

  @Test
  void aSnapshotIsWorthPublishingWhenTheScoreMovesOrTheTopicsChange() {
    UserInfluence user = receiving(of("a", EngagementType.SHARE, "a", "target", T0, "travel"));
    InfluenceSnapshot first = user.snapshotAt(T0, parameters);
    assertThat(user.isWorthPublishing(first, 0.01)).isTrue();
    assertThat(user.markPublished(first)).isNaN();
    assertThat(user.isWorthPublishing(user.snapshotAt(T0 + 1, parameters), 0.01)).isFalse();
    user.receive(of("b", EngagementType.LIKE, "b", "target", T0 + 2, "cooking"), 1.0, parameters);
    assertThat(user.isWorthPublishing(user.snapshotAt(T0 + 2, parameters), 0.01)).isTrue();
  }

  @Test
  void stateSurvivesARoundTrip() {
    UserInfluence user = receiving(of("a", EngagementType.SHARE, "a", "target", T0, "travel"),
        of("b", EngagementType.MENTION, "b", "target", T0 + DAY, "cooking"));
    user.markPublished(user.snapshotAt(T0 + DAY, parameters));
    UserInfluence restored = UserInfluence.restore(user.state());
    assertThat(restored.state()).isEqualTo(user.state());
    assertThat(restored.snapshotAt(T0 + 3 * DAY, parameters)).isEqualTo(user.snapshotAt(T0 + 3 * DAY, parameters));
  }
}
