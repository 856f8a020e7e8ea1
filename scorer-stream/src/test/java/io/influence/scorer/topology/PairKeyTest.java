package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PairKeyTest {
  private record Pair(String target, String actor) {}

  private static final List<Pair> PAIRS = List.of(
      new Pair("twitter:1", "twitter:12"), new Pair("twitter:1", "twitter:2"), new Pair("twitter:12", "twitter:1"),
      new Pair("twitter:1", "bluesky:1"), new Pair("twitter:1", "twitter:1"), new Pair("twitter:1", ""),
      new Pair("twitter:1", "t"), new Pair("person-42", "twitter:1"), new Pair("x\uD83D\uDE00", "x\uD83D\uDE01"),
      new Pair("x\uD83D\uDE00", "x\uD83D\uDE00y"), new Pair("a".repeat(200), "a".repeat(199) + "b"),
      new Pair("a".repeat(200), "a".repeat(198) + "bb"));

  @Test
  void everyPairHasItsOwnKeyWhichSurvivesUtf8() {
    Set<String> keys = PAIRS.stream().map(pair -> ScoringTopology.pairKey(pair.target(), pair.actor())).collect(Collectors.toSet());

    assertThat(keys).hasSize(PAIRS.size());
    keys.forEach(key -> assertThat(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(key));
  }

  @Test
  void anActorOfTheTargetsNetworkCostsItsAccountAndTwoBytes() {
    String key = ScoringTopology.pairKey("twitter:223789", "twitter:213163");

    assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize("twitter:223789".length() + 2 + "13163".length());
    assertThat(key).startsWith("twitter:223789\u0000");
  }
}
