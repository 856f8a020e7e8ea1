package io.influence.scorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.testing.ExternalTool;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus' own tool accepts the configuration and the rules, and proves that every alert fires. */
class PromtoolIT {
  private final Path prometheusDir = ObservabilityFiles.prometheusConfig().getParent();

  @Test
  void theConfigurationAndTheRulesItLoadsAreValid() {
    ExternalTool.Result result = PrometheusTools.promtool(prometheusDir, "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: 2 rule files found");
  }

  @Test
  void theAlertRulesAreValid() {
    ExternalTool.Result result = PrometheusTools.promtool(prometheusDir, "check", "rules", "alerts.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + ObservabilityFiles.alertRules().size() + " rules found");
  }

  @Test
  void everyAlertFiresOnASyntheticSeriesOfItsTrouble() {
    ExternalTool.Result result = PrometheusTools.promtool(prometheusDir, "test", "rules", "alerts.test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
    assertThat(alertsExpectedToFire()).as("alerts proven to fire by alerts.test.yml")
        .containsAll(ObservabilityFiles.alertRules().stream().map(ObservabilityFiles.AlertRule::name).toList());
  }

  @Test
  void theConnectorAlertsAreValidAndEachFiresOnASyntheticSeriesOfItsTrouble() {
    ExternalTool.Result check = PrometheusTools.promtool(prometheusDir, "check", "rules", "connector-alerts.yml");
    ExternalTool.Result test = PrometheusTools.promtool(prometheusDir, "test", "rules", "connector-alerts.test.yml");

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 2 rules found");
    assertThat(test.exitCode()).as(test.output()).isZero();
  }

  /** The alerts that some case of alerts.test.yml expects to fire (a non-empty exp_alerts). */
  @SuppressWarnings("unchecked")
  private static Set<String> alertsExpectedToFire() {
    Set<String> firing = new HashSet<>();
    for (Map<String, Object> test : (List<Map<String, Object>>) ObservabilityFiles.yaml(ObservabilityFiles.alertTests()).get("tests")) {
      for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
        if (!((List<Object>) check.get("exp_alerts")).isEmpty()) {
          firing.add((String) check.get("alertname"));
        }
      }
    }
    return firing;
  }
}
