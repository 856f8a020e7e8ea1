package io.influence.scorer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFormatTest {

  @Test
  void scoresHaveTwoDecimalsAndInfluenceFourSignificantFigures() {
    assertThat(ApiFormat.score(19.4149)).isEqualTo(19.41);
    assertThat(ApiFormat.influence(11.808784601521166)).isEqualTo(11.81);
    assertThat(ApiFormat.influence(0.03349297642074798)).isEqualTo(0.03349);
    assertThat(ApiFormat.influence(1234.5678)).isEqualTo(1235.0);
    assertThat(ApiFormat.influence(0.0)).isZero();
    assertThat(ApiFormat.influences(Map.of("twitter", 5.088980955884635))).containsExactly(Map.entry("twitter", 5.089));
  }
}
