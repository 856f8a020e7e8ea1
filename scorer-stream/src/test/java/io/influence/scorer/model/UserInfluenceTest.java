package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class UserInfluenceTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long T0 = 1_700_000_000_000L;
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  private static Engagement engagement(String actor, EngagementType type, long at, String... topics) {
    return new Engagement(actor + "@" + at, "twitter", type, actor, "target", List.of(topics), at, 10.0);
  }

  @Test
  void aShareRaisesTheScoreOfItsTarget() {
    UserInfluence user = UserInfluence.newUser("target");
    double before = user.snapshotAt(T0, parameters).score();
    Contribution contribution = user.receive(engagement("a", EngagementType.SHARE, T0), parameters);
    assertThat(contribution.outcome()).isEqualTo(Contribution.Outcome.SCORED);
    assertThat(user.snapshotAt(T0, parameters).score()).isGreaterThan(before);
  }

  @Test
  void aSelfInteractionChangesNothing() {
    UserInfluence user = UserInfluence.newUser("target");
    Contribution contribution = user.receive(
        new Engagement("e", "twitter", EngagementType.SHARE, "target", "target", List.of("x"), T0, 90), parameters);
    assertThat(contribution.outcome()).isEqualTo(Contribution.Outcome.IGNORED);
    assertThat(user.state()).isEqualTo(UserInfluence.newUser("target").state());
  }

  @Test
  void aPostCountsTowardTopicsButNotInfluence() {
    UserInfluence user = UserInfluence.newUser("target");
    user.receive(new Engagement("p", "twitter", EngagementType.POST, "target", "target", List.of("cooking"), T0, 10), parameters);
    InfluenceSnapshot snapshot = user.snapshotAt(T0, parameters);
    assertThat(snapshot.influence()).isZero();
    assertThat(snapshot.topicNames()).containsExactly("cooking");
  }

  @Test
  void influenceHalvesOverOneHalfLife() {
    UserInfluence user = UserInfluence.newUser("target");
    user.receive(engagement("a", EngagementType.SHARE, T0), parameters);
    double now = user.snapshotAt(T0, parameters).influence();
    double later = user.snapshotAt(T0 + parameters.halfLife().duration().toMillis(), parameters).influence();
    assertThat(later).isCloseTo(now / 2, within(1e-12));
  }

  @Test
  void aMidRangeScoreLosesAboutTwoPointsOverTwoWeeksWithoutEngagement() {
    UserInfluence user = UserInfluence.newUser("target");
    for (int day = 0; day < 90; day++) {
      for (int i = 0; i < 40; i++) {
        user.receive(engagement("fan" + i, EngagementType.SHARE, T0 + day * DAY), parameters);
      }
    }
    long lastDay = T0 + 89 * DAY;
    double score = user.snapshotAt(lastDay, parameters).score();
    assertThat(score).isBetween(40.0, 60.0);
    assertThat(score - user.snapshotAt(lastDay + 14 * DAY, parameters).score()).isCloseTo(2.0, within(0.25));
  }

  @RepeatedTest(10)
  void theOrderInWhichEventsArriveDoesNotChangeTheResult() {
    Random random = new Random();
    List<Engagement> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      EngagementType type = EngagementType.values()[random.nextInt(EngagementType.values().length)];
      events.add(engagement("a" + random.nextInt(20), type, T0 + random.nextInt((int) DAY), "t" + random.nextInt(4)));
    }
    UserInfluence inOrder = UserInfluence.newUser("target");
    events.forEach(e -> inOrder.receive(e, parameters));
    Collections.shuffle(events, random);
    UserInfluence shuffled = UserInfluence.newUser("target");
    events.forEach(e -> shuffled.receive(e, parameters));

    long at = T0 + 2 * DAY;
    assertThat(shuffled.snapshotAt(at, parameters).influence())
        .isCloseTo(inOrder.snapshotAt(at, parameters).influence(), within(1e-9 * inOrder.snapshotAt(at, parameters).influence()));
    assertThat(shuffled.snapshotAt(at, parameters).score()).isCloseTo(inOrder.snapshotAt(at, parameters).score(), within(1e-9));
  }

  @Test
  void decayStaysExactAcrossYearsOfActivity() {
    UserInfluence user = UserInfluence.newUser("target");
    long tenYears = 3650 * DAY;
    user.receive(engagement("a", EngagementType.SHARE, T0), parameters);
    user.receive(engagement("a", EngagementType.SHARE, T0 + tenYears), parameters);
    double expected = parameters.weight(EngagementType.SHARE) * (1 + parameters.halfLife().decayOver(tenYears));
    assertThat(user.snapshotAt(T0 + tenYears, parameters).influence()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void aMoreInfluentialActorNeverContributesLess() {
    double previous = 0;
    for (double actorScore = 1; actorScore <= 100; actorScore += 0.5) {
      UserInfluence user = UserInfluence.newUser("target");
      Contribution contribution = user.receive(
          new Engagement("e", "twitter", EngagementType.MENTION, "actor", "target", List.of(), T0, actorScore), parameters);
      assertThat(contribution.influence()).isGreaterThanOrEqualTo(previous);
      previous = contribution.influence();
    }
  }

  @Test
  void aSnapshotIsWorthPublishingWhenTheScoreMovesOrTheTopicsChange() {
    UserInfluence user = UserInfluence.newUser("target");
    user.receive(engagement("a", EngagementType.SHARE, T0, "travel"), parameters);
    InfluenceSnapshot first = user.snapshotAt(T0, parameters);
    assertThat(user.isWorthPublishing(first, 0.01)).isTrue();
    assertThat(user.markPublished(first)).isNaN();

    assertThat(user.isWorthPublishing(user.snapshotAt(T0 + 1, parameters), 0.01)).isFalse();
    user.receive(engagement("b", EngagementType.LIKE, T0 + 2, "cooking"), parameters);
    assertThat(user.isWorthPublishing(user.snapshotAt(T0 + 2, parameters), 0.01)).isTrue();
  }

  @Test
  void stateSurvivesARoundTrip() {
    UserInfluence user = UserInfluence.newUser("target");
    user.receive(engagement("a", EngagementType.SHARE, T0, "travel"), parameters);
    user.markPublished(user.snapshotAt(T0, parameters));
    UserInfluence restored = UserInfluence.restore(user.state());
    assertThat(restored.snapshotAt(T0 + DAY, parameters)).isEqualTo(user.snapshotAt(T0 + DAY, parameters));
    assertThat(restored.state()).isEqualTo(user.state());
  }
}
