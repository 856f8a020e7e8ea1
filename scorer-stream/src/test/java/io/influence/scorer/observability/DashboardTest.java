package io.influence.scorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard is one Grafana can load, that ops can filter by instance and read with units. */
class DashboardTest {
  private static final Pattern ALERT_THRESHOLD = Pattern.compile(">\\s*([0-9.]+)\\s*$");
  private final JsonNode dashboard = ObservabilityFiles.dashboard();
  private final List<JsonNode> panels = ObservabilityFiles.panels(dashboard);

  @SuppressWarnings("unchecked")
  private static String provisionedDatasourceUid() {
    Map<String, Object> file = ObservabilityFiles.yaml(ObservabilityFiles.grafanaProvisioning().resolve("datasources/prometheus.yml"));
    List<Map<String, Object>> datasources = (List<Map<String, Object>>) file.get("datasources");
    assertThat(datasources).hasSize(1);
    return (String) datasources.get(0).get("uid");
  }

  @Test
  void itIsAModernGrafanaDashboardWithAStableUid() {
    assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
    assertThat(dashboard.path("uid").asText()).isEqualTo("influence-scorer");
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(panels).hasSizeGreaterThan(20);
  }

  @Test
  void everyPanelAndQueryUsesTheProvisionedPrometheusByUid() {
    String uid = provisionedDatasourceUid();
    for (JsonNode panel : panels) {
      assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
      }
    }
  }

  @Test
  void everyPanelHasAUnitADescriptionAndAtLeastOneQuery() {
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as("unit of " + title).isNotBlank();
      assertThat(panel.path("description").asText()).as("description of " + title).isNotBlank();
      assertThat(panel.path("targets")).as("queries of " + title).isNotEmpty();
    }
  }

  @Test
  void anInstanceVariableFiltersEveryQuery() {
    JsonNode instance = null;
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("instance".equals(variable.path("name").asText())) {
        instance = variable;
      }
    }
    assertThat(instance).as("the instance variable").isNotNull();
    assertThat(instance.path("includeAll").asBoolean()).isTrue();
    assertThat(instance.path("multi").asBoolean()).isTrue();
    assertThat(instance.path("allValue").asText()).isEqualTo(".*");
    assertThat(instance.path("definition").asText()).contains("job=\"" + ObservabilityFiles.JOB + "\"");
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(Pattern.compile("\\{[^}]*}").matcher(expr).results().map(java.util.regex.MatchResult::group).toList())
            .as("every selector of %s in '%s'", expr, panel.path("title").asText())
            .isNotEmpty()
            .allSatisfy(selector -> assertThat(selector).contains("job=\"" + ObservabilityFiles.JOB + "\"")
                .contains("instance=~\"$instance\""));
      }
    }
  }

  @Test
  void panelsDoNotOverlapAndFitTheGrid() {
    Set<Integer> ids = new HashSet<>();
    List<int[]> cells = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
      JsonNode grid = panel.path("gridPos");
      int x = grid.path("x").asInt();
      int y = grid.path("y").asInt();
      int w = grid.path("w").asInt();
      int h = grid.path("h").asInt();
      assertThat(x + w).as(panel.path("title").asText()).isLessThanOrEqualTo(24);
      for (int[] other : cells) {
        boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
        assertThat(overlaps).as("'%s' overlaps another panel", panel.path("title").asText()).isFalse();
      }
      cells.add(new int[] {x, y, w, h});
    }
  }

  /** A panel that names an alert whose expression ends in "> N" draws N as a threshold, so the picture and the page agree. */
  @Test
  void panelsShowTheThresholdOfTheAlertTheyName() {
    int checked = 0;
    for (ObservabilityFiles.AlertRule rule : ObservabilityFiles.alertRules()) {
      Matcher threshold = ALERT_THRESHOLD.matcher(rule.expr().strip());
      if (!threshold.find()) {
        continue;
      }
      double value = Double.parseDouble(threshold.group(1));
      for (JsonNode panel : panels) {
        if (panel.path("description").asText().contains(rule.name())) {
          List<Double> steps = new ArrayList<>();
          panel.path("fieldConfig").path("defaults").path("thresholds").path("steps")
              .forEach(step -> steps.add(step.path("value").isNumber() ? step.path("value").asDouble() : null));
          assertThat(steps).as("thresholds of '%s' for %s", panel.path("title").asText(), rule.name()).contains(value);
          checked++;
        }
      }
    }
    assertThat(checked).as("panels checked against alert thresholds").isGreaterThanOrEqualTo(4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void grafanaLoadsTheDashboardFolderItIsMountedIn() {
    Map<String, Object> file = ObservabilityFiles.yaml(ObservabilityFiles.grafanaProvisioning().resolve("dashboards/influence.yml"));
    Map<String, Object> provider = ((List<Map<String, Object>>) file.get("providers")).get(0);
    assertThat(provider.get("type")).isEqualTo("file");
    assertThat((String) ((Map<String, Object>) provider.get("options")).get("path")).startsWith("/");
  }
}
