package io.influence.scorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert rules point at documentation that exists, and the test's PromQL rewriting is sound. */
class AlertRulesTest {

  @Test
  void theIssuesAlertsAreAllThere() {
    assertThat(ObservabilityFiles.alertRules()).extracting(ObservabilityFiles.AlertRule::name).contains(
        "InfluenceStreamThreadDied", "InfluenceScorerNotRunning", "InfluenceConsumerLagGrowing", "InfluenceDeadLettersHigh",
        "InfluenceLatencyAboveSlo", "InfluenceNoEvents", "InfluenceRebalancingStorm");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasASeverityAndARunbookSectionInTheOperationsGuide() throws IOException {
    String guide = Files.readString(ObservabilityFiles.repoRoot().resolve("docs/OPERATIONS.md"));
    for (Map<String, Object> group : (List<Map<String, Object>>) ObservabilityFiles.yaml(ObservabilityFiles.alerts()).get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        String name = (String) rule.get("alert");
        assertThat((Map<String, Object>) rule.get("labels")).as(name).containsKey("severity");
        String runbook = (String) ((Map<String, Object>) rule.get("annotations")).get("runbook");
        assertThat(runbook).as(name).isEqualTo("docs/OPERATIONS.md#" + name.toLowerCase(Locale.ROOT));
        assertThat(guide).as("a heading for " + name).containsPattern("(?m)^#+ " + name + "$");
      }
    }
  }

  @Test
  void comparisonsBecomeBoolOutsideLabelMatchersAndStrings() {
    assertThat(ObservabilityFiles.withBoolComparisons("up{job=\"a\"} == 0")).isEqualTo("up{job=\"a\"} == bool 0");
    assertThat(ObservabilityFiles.withBoolComparisons("sum(x{a!=\"b\", c=~\"d>\"}) > 5 and on () y <= 3 or z != 2"))
        .isEqualTo("sum(x{a!=\"b\", c=~\"d>\"}) > bool 5 and on () y <= bool 3 or z != bool 2");
  }

  @Test
  void grafanaVariablesAreResolvedAndUnknownOnesRefused() {
    assertThat(ObservabilityFiles.withVariablesResolved("rate(x{instance=~\"$instance\"}[$__rate_interval])"))
        .isEqualTo("rate(x{instance=~\".*\"}[1m])");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObservabilityFiles.withVariablesResolved("x{a=\"$nope\"}"))
        .hasMessageContaining("$nope");
  }
}
