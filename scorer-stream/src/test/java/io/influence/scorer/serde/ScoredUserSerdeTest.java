package io.influence.scorer.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.scorer.model.Contribution;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.ScoredUser;
import io.influence.scorer.model.UserInfluence;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ScoredUserSerdeTest {
  private static final long T0 = 1_341_100_972_000L;

  private final ScoredUserSerde serde = new ScoredUserSerde();
  private final InfluenceParameters parameters = InfluenceParameters.defaults();

  private ScoredUser roundTrip(ScoredUser user) {
    return serde.fromBytes(serde.toBytes(user));
  }

  @Test
  void aUserWithADayInProgressAndAReviewDueReadsBackEqual() {
    UserInfluence user = UserInfluence.newUser("twitter:42");
    Engagement share = new Engagement("higgs-activity_time.txt.gz:1", "twitter", EngagementType.SHARE, "twitter:7", "twitter:42",
        List.of("physics"), T0, 30.0, 1.0);
    Contribution contribution = user.receive(share, 1.0, parameters);
    user.markPublished(user.snapshotAt(T0, parameters));
    DailyActivity day = DailyActivity.empty(DailyActivity.dayIndexOf(T0)).withEngagement(share, contribution).withScore(31.5, T0);

    ScoredUser scored = new ScoredUser(user.state(), day, T0 + 86_400_000L);

    assertThat(roundTrip(scored)).isEqualTo(scored);
  }

  @Test
  void aUserWithNoDayAndNoReviewReadsBackEqual() {
    ScoredUser scored = new ScoredUser(UserInfluence.newUser("person-1").state(), null, ScoredUser.NO_REVIEW);

    assertThat(roundTrip(scored)).isEqualTo(scored);
  }

  @Test
  void aRecordOfTheFormerFormatWithoutTheDayIsRefusedWithTheStoreNamed() {
    byte[] former = new UserInfluenceStateSerde().toBytes(UserInfluence.newUser("person-1").state());

    assertThatThrownBy(() -> serde.fromBytes(former))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("the user-influence store holds a record of format version 4");
  }
}
