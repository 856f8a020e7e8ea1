package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.UserInfluence;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserInfluenceStateSerdeTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_341_100_972_000L;

  private final UserInfluenceStateSerde serde = new UserInfluenceStateSerde();
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  private static Engagement engagement(int id, String network, EngagementType type, String actor, long at, String... topics) {
    return new Engagement("higgs-activity_time.txt.gz:" + id, network, type, actor, "twitter:42", List.of(topics), at, 30.0 + id, 1.0);
  }

  private UserInfluence.State roundTrip(UserInfluence.State state) {
    return serde.fromBytes(serde.toBytes(state));
  }

  @Test
  void aUserWithSeveralNetworksTopicsCountsAndPublicationsReadsBackEqual() {
    UserInfluence user = UserInfluence.newUser("twitter:42");
    user.receive(engagement(1, "twitter", EngagementType.SHARE, "twitter:7", T0, "physics"), 1.0, parameters);
    user.receive(engagement(2, "twitter", EngagementType.MENTION, "twitter:8", T0 + 60_000, "physics", "cern"), 1.0, parameters);
    user.markPublished(user.snapshotAt(T0 + 60_000, parameters));
    user.receive(engagement(3, "bluesky", EngagementType.REPLY, "bluesky:9", T0 + DAY, "cern"), 0.5, parameters);
    user.receive(engagement(4, "twitter", EngagementType.SHARE, "twitter:7", T0 + DAY + 1, "higgs"), 0.5, parameters);
    user.receive(new Engagement("post", "twitter", EngagementType.POST, "twitter:42", "twitter:42", List.of("higgs"), T0 + DAY + 2,
        30, 1.0), 1.0, parameters);
    user.markPublished(user.snapshotAt(T0 + DAY + 2, parameters));
    user.receive(engagement(5, "twitter", EngagementType.LIKE, "twitter:10", T0 - 3_600_000, "physics"), 1.0, parameters);
    user.markDecayed(user.snapshotAt(T0 + 20 * DAY, parameters));

    UserInfluence.State state = user.state();
    assertThat(state.standingByNetwork()).containsOnlyKeys("twitter", "bluesky");
    assertThat(state.byTopic()).containsOnlyKeys("physics", "cern", "higgs");
    assertThat(state.counts()).hasSize(5);
    assertThat(state.published().dayEndScores().lastEntry().getValue()).isNotEqualTo(state.published().score());
    assertThat(roundTrip(state)).isEqualTo(state);
  }

  @Test
  void aUserWhoReceivedOneEngagementReadsBackEqualInFewerThan150Bytes() {
    UserInfluence user = UserInfluence.newUser("twitter:42");
    user.receive(engagement(524_943, "twitter", EngagementType.SHARE, "twitter:251051", T0), 1.0, parameters);
    user.markPublished(user.snapshotAt(T0, parameters));

    UserInfluence.State state = user.state();
    assertThat(roundTrip(state)).isEqualTo(state);
    assertThat(serde.toBytes(state).length).isLessThan(150);
  }

  @Test
  void aUserEngagedForAYearTakesNoMoreBytesThanOneEngagedForAWeek() {
    UserInfluence week = UserInfluence.newUser("twitter:42");
    UserInfluence year = UserInfluence.newUser("twitter:42");
    for (int day = 0; day < 365; day++) {
      for (int actor = 0; actor < 8; actor++) {
        Engagement engagement = engagement(day * 8 + actor, "twitter", EngagementType.SHARE, "twitter:" + actor, T0 + day * DAY + actor);
        year.receive(engagement, 1.0, parameters);
        if (day < 7) {
          week.receive(engagement, 1.0, parameters);
        }
      }
    }

    assertThat(serde.toBytes(year.state()).length).isLessThanOrEqualTo(serde.toBytes(week.state()).length + 8);
  }

  @Test
  void aNewUserReadsBackEqual() {
    UserInfluence.State state = UserInfluence.newUser("person-1").state();

    assertThat(roundTrip(state)).isEqualTo(state);
  }

  @Test
  void theSumsReadBackToTheLastBit() {
    UserInfluence user = UserInfluence.newUser("twitter:42");
    for (int i = 0; i < 20; i++) {
      user.receive(engagement(i, i % 3 == 0 ? "bluesky" : "twitter", EngagementType.SHARE, "twitter:" + i, T0 + i * 7_777_777L), 1.0 / (1 + i),
          parameters);
    }
    UserInfluence.State state = user.state();
    UserInfluence.State read = roundTrip(state);

    assertThat(bits(read.standing())).isEqualTo(bits(state.standing()));
    assertThat(bits(read.momentum())).isEqualTo(bits(state.momentum()));
    state.standingByNetwork().forEach((network, sum) -> assertThat(bits(read.standingByNetwork().get(network))).isEqualTo(bits(sum)));
    state.forwardByContributor().forEach((actor, sum) -> assertThat(bits(read.forwardByContributor().get(actor))).isEqualTo(bits(sum)));
  }

  private static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }
}
