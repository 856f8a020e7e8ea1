package io.influence.scorer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void caseHashesAndWhiteSpaceDoNotMakeANewTopic() {
    assertThat(Topics.normalise("#Cooking")).isEqualTo("cooking");
    assertThat(Topics.normalise("  Home   Cooking ")).isEqualTo("home cooking");
    assertThat(Topics.normalise("##TRAVEL")).isEqualTo("travel");
  }

  @Test
  void blanksAndRepeatsAreDropped() {
    assertThat(Topics.normaliseAll(List.of("#a", "A", " ", "#", "b"))).containsExactly("a", "b");
  }
}
