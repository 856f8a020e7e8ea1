package io.influence.scorer.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard, Prometheus configuration and alert rules under docker/, read as Grafana and Prometheus
 * read them, and their PromQL made runnable as instant queries.
 */
public final class ObservabilityFiles {
  static final String JOB = "influence-scorer";
  /** Grafana's variables, as the test evaluates them: every instance, and a window of several scrapes. */
  private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
      "$instance", ".*", "$__rate_interval", "1m", "$__interval", "15s", "$__range", "1h");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
  private static final Pattern COMPARISON = Pattern.compile("==|!=|>=|<=|>|<");

  /** One query of a dashboard panel or variable. */
  record Query(String where, String expr) {}

  /** One alerting rule. */
  record AlertRule(String name, String expr) {}

  private ObservabilityFiles() {}

  public static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker/prometheus/prometheus.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no docker/prometheus/prometheus.yml above " + Path.of("").toAbsolutePath());
  }

  static Path prometheusConfig() {
    return repoRoot().resolve("docker/prometheus/prometheus.yml");
  }

  static Path alerts() {
    return repoRoot().resolve("docker/prometheus/alerts.yml");
  }

  static Path alertTests() {
    return repoRoot().resolve("docker/prometheus/alerts.test.yml");
  }

  static Path dashboardFile() {
    return repoRoot().resolve("docker/grafana/dashboards/influence-scorer.json");
  }

  static Path grafanaProvisioning() {
    return repoRoot().resolve("docker/grafana/provisioning");
  }

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(dashboardFile().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    try {
      return (Map<String, Object>) new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, rows' nested panels included, but not the rows themselves. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    collectPanels(dashboard.path("panels"), panels);
    return panels;
  }

  private static void collectPanels(JsonNode list, List<JsonNode> panels) {
    for (JsonNode panel : list) {
      if ("row".equals(panel.path("type").asText())) {
        collectPanels(panel.path("panels"), panels);
      } else {
        panels.add(panel);
      }
    }
  }

  /**
   * Every query the dashboard runs: each panel target, and each query variable turned into the series
   * selector Grafana asks Prometheus about.
   */
  static List<Query> dashboardQueries() {
    JsonNode dashboard = dashboard();
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(new Query("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
            target.path("expr").asText()));
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
      if (labelValues.matches()) {
        queries.add(new Query("variable $" + variable.path("name").asText(), labelValues.group(1)));
      }
    }
    return queries;
  }

  @SuppressWarnings("unchecked")
  static List<AlertRule> alertRules() {
    List<AlertRule> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) yaml(alerts()).get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        if (rule.containsKey("alert")) {
          rules.add(new AlertRule((String) rule.get("alert"), (String) rule.get("expr")));
        }
      }
    }
    return rules;
  }

  /** A panel's query with Grafana's variables replaced, ready for Prometheus' query API. */
  static String withVariablesResolved(String expr) {
    String resolved = expr;
    for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
      resolved = resolved.replace(variable.getKey(), variable.getValue());
    }
    if (resolved.contains("$")) {
      throw new IllegalArgumentException("a variable the test does not know in: " + expr);
    }
    return resolved;
  }

  /**
   * An alert's expression with every comparison made a {@code bool} one, so that it returns a 0 or 1 for
   * each series it watches instead of filtering them out while all is well: data means the alert has
   * something to watch. Comparisons inside label matchers and strings are left alone.
   */
  static String withBoolComparisons(String expr) {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    boolean quoted = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '{') {
        braces++;
      } else if (!quoted && c == '}') {
        braces--;
      }
      Matcher comparison = COMPARISON.matcher(expr).region(i, expr.length());
      if (!quoted && braces == 0 && comparison.lookingAt()) {
        out.append(comparison.group()).append(" bool");
        i += comparison.group().length() - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
