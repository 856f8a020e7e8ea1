package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class InfluenceScaleTest {
  private final InfluenceScale scale = new InfluenceScale(5.0, 1.0, 80.0);

  @Test
  void noInfluenceScoresOne() {
    assertThat(scale.score(0)).isEqualTo(1.0);
  }

  @Test
  void everyDoublingBelowTheKneeIsWorthTheSamePoints() {
    assertThat(scale.score(2 * 1023.0 + 1) - scale.score(1023.0)).isCloseTo(5.0, within(1e-9));
    assertThat(scale.score(2 * 63.0 + 1) - scale.score(63.0)).isCloseTo(5.0, within(1e-9));
  }

  @RepeatedTest(20)
  void scoresStayWithinOneToAHundredAndRiseWithInfluence() {
    Random random = new Random();
    double previous = 1.0;
    double influence = 0;
    for (int step = 0; step < 200; step++) {
      influence += random.nextDouble() * Math.pow(10, random.nextInt(12));
      double score = scale.score(influence);
      assertThat(score).isBetween(1.0, 100.0).isGreaterThanOrEqualTo(previous);
      previous = score;
    }
  }

  @Test
  void theCurveSaturatesTowardAHundredWithoutReachingIt() {
    assertThat(scale.score(1e30)).isLessThan(100.0).isGreaterThan(99.0);
  }

  @Test
  void influenceAtInvertsTheScore() {
    for (double score : new double[] {1, 10, 42.5, 80, 95}) {
      assertThat(scale.score(scale.influenceAt(score))).isCloseTo(score, within(1e-9));
    }
  }
}
