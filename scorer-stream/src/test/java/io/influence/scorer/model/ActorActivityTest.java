package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActorActivityTest {
  private static final long MORNING = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
  private static final long MIDNIGHT = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();

  @Test
  void aDaysActivityIsForgottenAtTheNextMidnightWhenTheNextActionStartsANewDayAsIfThereWereNone() {
    ActorActivity busy = ActorActivity.none();
    for (int i = 0; i < 30; i++) {
      busy = busy.after(EngagementType.LIKE, MORNING + i);
    }
    assertThat(busy.forgottenAtMillis()).isEqualTo(MIDNIGHT);
    assertThat(busy.after(EngagementType.LIKE, MIDNIGHT - 1).actions()).isEqualTo(31);
    assertThat(busy.after(EngagementType.LIKE, MIDNIGHT)).isEqualTo(ActorActivity.none().after(EngagementType.LIKE, MIDNIGHT));
  }
}
