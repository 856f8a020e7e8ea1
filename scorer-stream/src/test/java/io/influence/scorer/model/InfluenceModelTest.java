package io.influence.scorer.model;

import static io.influence.scorer.model.Engagements.DAY;
import static io.influence.scorer.model.Engagements.T0;
import static io.influence.scorer.model.Engagements.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class InfluenceModelTest {
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  private InfluenceModel model() {
    return new InfluenceModel(parameters, 0.01);
  }

  @Test
  void aRingOfFiftyFreshAccountsLikingAndSharingEachOtherAThousandTimesGainsEachFewerThanFivePoints() {
    InfluenceModel model = model();
    Random random = new Random(50);
    int members = 50;
    for (int member = 0; member < members; member++) {
      for (int action = 0; action < 1_000; action++) {
        int other = (member + 1 + random.nextInt(members - 1)) % members;
        EngagementType type = random.nextBoolean() ? EngagementType.LIKE : EngagementType.SHARE;
        model.apply(of("ring-" + member + "-" + action, type, "ring" + member, "ring" + other, T0 + action * 80L));
      }
    }
    for (int member = 0; member < members; member++) {
      assertThat(model.scoreAt("ring" + member, T0 + DAY) - 1.0).as("ring%d's gain", member).isLessThan(5.0);
    }
  }

  @Test
  void tenThousandLikesFromOneAccountAddLessThanAnOrdinaryDayFromTwentyDistinctActors() {
    InfluenceModel spammed = model();
    for (int i = 0; i < 10_000; i++) {
      spammed.apply(of("spam" + i, EngagementType.LIKE, "spammer", "victim", T0 + i * 8L));
    }
    InfluenceModel ordinary = model();
    for (int i = 0; i < 20; i++) {
      ordinary.apply(of("like" + i, EngagementType.LIKE, "friend" + i, "victim", T0 + i * 3_600_000L));
    }
    long endOfDay = T0 + DAY;
    assertThat(spammed.user("victim").snapshotAt(endOfDay, parameters).influence())
        .isLessThan(ordinary.user("victim").snapshotAt(endOfDay, parameters).influence());
  }

  @Test
  void aHundredSharesFromAHundredPeopleCountFarMoreThanAHundredFromOne() {
    InfluenceModel distinct = model();
    InfluenceModel repeated = model();
    for (int i = 0; i < 100; i++) {
      distinct.apply(of("d" + i, EngagementType.SHARE, "fan" + i, "star", T0 + i * 60_000L));
      repeated.apply(of("r" + i, EngagementType.SHARE, "fan", "star", T0 + i * 60_000L));
    }
    double many = distinct.user("star").snapshotAt(T0 + DAY, parameters).influence();
    double one = repeated.user("star").snapshotAt(T0 + DAY, parameters).influence();
    assertThat(many).isGreaterThan(10 * one);
  }

  @RepeatedTest(5)
  void aDuplicateEventIdNeverCountsTwice() {
    Random random = new Random();
    InfluenceModel once = model();
    InfluenceModel twice = model();
    for (int i = 0; i < 200; i++) {
      Engagement engagement = of("e" + i, EngagementType.SHARE, "a" + random.nextInt(30), "t" + random.nextInt(5), T0 + i * 1_000L);
      once.apply(engagement);
      twice.apply(engagement);
      if (random.nextInt(4) == 0) {
        assertThat(twice.apply(engagement).outcome()).isEqualTo(Contribution.Outcome.DUPLICATE);
      }
    }
    for (int target = 0; target < 5; target++) {
      assertThat(twice.scoreAt("t" + target, T0 + DAY)).isEqualTo(once.scoreAt("t" + target, T0 + DAY));
    }
  }

  @Test
  void selfInteractionsChangeNothing() {
    InfluenceModel model = model();
    model.apply(of("a", EngagementType.SHARE, "fan", "star", T0));
    double before = model.scoreAt("star", T0 + 1);
    for (int i = 0; i < 100; i++) {
      assertThat(model.apply(of("self" + i, EngagementType.SHARE, "star", "star", T0 + i)).outcome()).isEqualTo(Contribution.Outcome.IGNORED);
    }
    assertThat(model.scoreAt("star", T0 + 1)).isEqualTo(before);
  }

  @Test
  void aNinetyMentioningYouLiftsYouFarMoreThanATen() {
    double fromNinety = UserInfluence.newUser("you").receive(
        Engagements.fromActorScored("m", EngagementType.MENTION, "big", 90, "you", T0), 1.0, parameters).influence();
    double fromTen = UserInfluence.newUser("you").receive(
        Engagements.fromActorScored("m", EngagementType.MENTION, "small", 10, "you", T0), 1.0, parameters).influence();
    assertThat(fromNinety).isGreaterThan(20 * fromTen);
  }

  @Test
  void theFeedbackLoopSettlesInsteadOfRunningAway() {
    InfluenceModel model = model();
    Random random = new Random(3);
    // A dense clique of established users engaging each other every day for two months.
    double[] lastWeek = new double[20];
    for (int day = 0; day < 60; day++) {
      for (int i = 0; i < 400; i++) {
        int actor = random.nextInt(20);
        int target = (actor + 1 + random.nextInt(19)) % 20;
        model.apply(of("d" + day + "-" + i, EngagementType.SHARE, "u" + actor, "u" + target, T0 + day * DAY + i * 200_000L));
      }
      if (day == 52) {
        for (int u = 0; u < 20; u++) {
          lastWeek[u] = model.scoreAt("u" + u, T0 + (day + 1) * DAY);
        }
      }
    }
    for (int u = 0; u < 20; u++) {
      double now = model.scoreAt("u" + u, T0 + 60 * DAY);
      assertThat(now).isLessThan(100.0);
      assertThat(Math.abs(now - lastWeek[u])).as("u%d moved in its last week", u).isLessThan(1.5);
    }
  }
}
