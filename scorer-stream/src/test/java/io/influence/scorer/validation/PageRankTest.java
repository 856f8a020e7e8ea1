package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRankTest {

  @Test
  void ranksSumToOneAndAUserEngagedByEveryoneRanksFirst() {
    PageRank graph = new PageRank();
    graph.addEdge("a", "hub", 1);
    graph.addEdge("b", "hub", 1);
    graph.addEdge("c", "hub", 1);
    graph.addEdge("hub", "a", 1);

    Map<String, Double> ranks = graph.ranks();

    assertThat(ranks.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(ranks.get("hub")).isGreaterThan(ranks.get("a")).isGreaterThan(0);
    assertThat(ranks.get("a")).as("engaged by the hub").isGreaterThan(ranks.get("b"));
  }

  @Test
  void aTwoNodeCycleSplitsTheRankEvenlyAndHeavierEdgesCarryMore() {
    PageRank cycle = new PageRank();
    cycle.addEdge("x", "y", 1);
    cycle.addEdge("y", "x", 1);
    assertThat(cycle.ranks().get("x")).isCloseTo(0.5, within(1e-9));

    PageRank weighted = new PageRank();
    weighted.addEdge("a", "heavy", 3);
    weighted.addEdge("a", "light", 1);
    Map<String, Double> ranks = weighted.ranks();
    assertThat(ranks.get("heavy")).isGreaterThan(ranks.get("light"));
  }

  @Test
  void anEmptyGraphRanksNobody() {
    assertThat(new PageRank().ranks()).isEmpty();
  }
}
