package io.influence.scorer.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.connector.live.ConnectorMetrics;
import io.influence.schema.InteractionType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The connectors' dashboard and alerts watch what the connectors export: every {@code connector_*}
 * series they name is one ConnectorMetrics writes, and every panel says what it shows. (The scorer's
 * dashboard is also checked against a live Prometheus; no connector runs in that test, so these are
 * checked against the exposition ConnectorMetrics produces.)
 */
class ConnectorDashboardTest {
  private static final Pattern CONNECTOR_SERIES = Pattern.compile("\\bconnector_[a-z_]+");

  @Test
  void everyConnectorSeriesOfTheDashboardAndTheAlertsIsOneTheConnectorsExport() throws Exception {
    Set<String> named = new TreeSet<>();
    for (String expr : expressions()) {
      Matcher series = CONNECTOR_SERIES.matcher(expr);
      while (series.find()) {
        named.add(series.group());
      }
    }

    assertThat(named).isNotEmpty();
    assertThat(exported()).containsAll(named);
  }

  @Test
  void everyPanelHasATitleADescriptionAUnitAndAQueryOfTheConnectorsJob() throws Exception {
    for (JsonNode panel : ObservabilityFiles.panels(dashboard())) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      String title = panel.path("title").asText();
      assertThat(panel.path("description").asText()).as(title).isNotBlank();
      assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as(title).isNotBlank();
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).as(title).contains("job=\"influence-connectors\""));
    }
  }

  private static JsonNode dashboard() throws Exception {
    return new ObjectMapper().readTree(ObservabilityFiles.repoRoot().resolve("docker/grafana/dashboards/influence-connectors.json").toFile());
  }

  @SuppressWarnings("unchecked")
  private static List<String> expressions() throws Exception {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : ObservabilityFiles.panels(dashboard())) {
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    dashboard().path("templating").path("list").forEach(variable -> expressions.add(variable.path("definition").asText()));
    Map<String, Object> alerts = ObservabilityFiles.yaml(ObservabilityFiles.repoRoot().resolve("docker/prometheus/connector-alerts.yml"));
    for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        expressions.add((String) rule.get("expr"));
      }
    }
    return expressions;
  }

  /** The series names a connector's /metrics holds once it has done each thing it counts. */
  private static Set<String> exported() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConnectorMetrics metrics = new ConnectorMetrics(registry, "bluesky", Clock.systemUTC());
    metrics.frameReceived();
    metrics.published(InteractionType.SHARE);
    metrics.skipped("deletion");
    metrics.deadLettered("unparseable");
    metrics.reconnected();
    metrics.connected(true);
    metrics.streamTime(Instant.now());
    metrics.committed();
    Set<String> names = new TreeSet<>();
    registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }
}
