package io.influence.scorer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.config.Setting;
import io.influence.scorer.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with the code: the Kubernetes overlays, rendered by {@code kubectl kustomize},
 * use the HTTP port, health routes and settings the scorer has; the Dockerfile exposes and checks the same;
 * docker-compose.yml pins its images and gives each scorer instance its own application.server;
 * and yamllint accepts every YAML file under docker/ and k8s/. Needs kubectl and yamllint on the PATH.
 */
class DeploymentManifestsIT {
  /** The image the compose file builds from docker/Dockerfile, used by the scorers and the connector. */
  private static final String OUR_IMAGE = "influence-scorer:local";

  private static final Path ROOT = repoRoot();
  private static final int HTTP_PORT = Integer.parseInt(ScorerConfig.HTTP_PORT.defaultValue());
  private static final Set<String> KNOWN_VARIABLES =
      ScorerConfig.settings().stream().map(Setting::environmentVariable).collect(Collectors.toSet());

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theScorerContainerServesOnTheHttpPortWithItsHealthRoutes(String overlay) {
    Map<String, Object> container = scorerContainer(render("k8s/overlays/" + overlay));

    List<Map<String, Object>> ports = list(container.get("ports"));
    assertThat(ports).extracting(p -> p.get("containerPort")).containsExactly(HTTP_PORT);
    String portName = (String) ports.get(0).get("name");

    Map<String, Object> readiness = map(map(container.get("readinessProbe")).get("httpGet"));
    Map<String, Object> liveness = map(map(container.get("livenessProbe")).get("httpGet"));
    assertThat(readiness.get("path")).isEqualTo("/health/ready");
    assertThat(liveness.get("path")).isEqualTo("/health/live");
    assertThat(List.of(readiness.get("port"), liveness.get("port"))).allMatch(p -> p.equals(portName) || p.equals(HTTP_PORT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyScorerVariableIsASettingOrAKafkaPassThrough(String overlay) {
    List<Map<String, Object>> docs = render("k8s/overlays/" + overlay);
    Map<String, String> env = environment(docs);

    assertThat(env.keySet().stream().filter(name -> name.startsWith("SCORER_")))
        .as("SCORER_* variables of the %s overlay (known: %s)", overlay, KNOWN_VARIABLES)
        .isNotEmpty()
        .allMatch(name -> KNOWN_VARIABLES.contains(name) || name.startsWith("SCORER_KAFKA_"));
    if (env.containsKey(ScorerConfig.HTTP_PORT.environmentVariable())) {
      assertThat(env.get(ScorerConfig.HTTP_PORT.environmentVariable())).isEqualTo(String.valueOf(HTTP_PORT));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void applicationServerIsThePodsNameUnderTheHeadlessService(String overlay) {
    List<Map<String, Object>> docs = render("k8s/overlays/" + overlay);
    Map<String, Object> statefulSet = only(docs, "StatefulSet");
    String serviceName = (String) map(statefulSet.get("spec")).get("serviceName");
    Map<String, Object> headless = docs.stream()
        .filter(d -> "Service".equals(d.get("kind")) && serviceName.equals(map(d.get("metadata")).get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no Service named " + serviceName));
    assertThat(map(headless.get("spec")).get("clusterIP")).as("the StatefulSet's service is headless").isEqualTo("None");

    assertThat(environment(docs).get(ScorerConfig.APPLICATION_SERVER.environmentVariable()))
        .isEqualTo("$(POD_NAME)." + serviceName + ".$(POD_NAMESPACE).svc.cluster.local:" + HTTP_PORT);
    Map<String, Object> container = scorerContainer(docs);
    assertThat(list(container.get("env")).stream().map(e -> e.get("name")).toList())
        .as("POD_NAME and POD_NAMESPACE are defined before they are referenced")
        .containsSubsequence("POD_NAME", "POD_NAMESPACE", ScorerConfig.APPLICATION_SERVER.environmentVariable());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theStateDirIsOnTheVolumeClaim(String overlay) {
    List<Map<String, Object>> docs = render("k8s/overlays/" + overlay);
    String stateDir = environment(docs).get(ScorerConfig.STATE_DIR.environmentVariable());
    Map<String, Object> spec = map(only(docs, "StatefulSet").get("spec"));
    String claim = (String) map(list(spec.get("volumeClaimTemplates")).get(0).get("metadata")).get("name");

    assertThat(list(scorerContainer(docs).get("volumeMounts")))
        .anyMatch(m -> claim.equals(m.get("name")) && stateDir.equals(m.get("mountPath")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void replicasDoNotExceedTheInputPartitions(String overlay) {
    List<Map<String, Object>> docs = render("k8s/overlays/" + overlay);
    List<Map<String, Object>> topics = render("k8s/topics");
    Pattern inputs = Pattern.compile(ScorerConfig.INPUT_PATTERN.defaultValue());
    List<Integer> inputPartitions = topics.stream()
        .filter(t -> inputs.matcher((String) map(t.get("metadata")).get("name")).matches())
        .map(t -> (Integer) map(t.get("spec")).get("partitions")).toList();
    int replicas = (Integer) map(only(docs, "StatefulSet").get("spec")).get("replicas");

    assertThat(inputPartitions).as("input topics declared in k8s/topics").isNotEmpty();
    assertThat(replicas).as("replicas of %s: more than the input partitions would idle", overlay)
        .isLessThanOrEqualTo(inputPartitions.stream().mapToInt(Integer::intValue).min().orElseThrow());
    assertThat(docs).as("no autoscaler: scaling rebalances state and cannot pass the partition count")
        .noneMatch(d -> "HorizontalPodAutoscaler".equals(d.get("kind")));

    int outputPartitions = topics.stream()
        .filter(t -> ScorerConfig.OUTPUT_TOPIC.defaultValue().equals(map(t.get("metadata")).get("name")))
        .map(t -> (Integer) map(t.get("spec")).get("partitions")).findFirst().orElseThrow();
    assertThat(environment(docs).get(ScorerConfig.TOPIC_PARTITIONS.environmentVariable()))
        .isEqualTo(String.valueOf(outputPartitions));
  }

  @Test
  void productionKeepsAStandbyAndLimitsDisruptions() {
    List<Map<String, Object>> docs = render("k8s/overlays/prod");
    assertThat(environment(docs).get(ScorerConfig.STANDBY_REPLICAS.environmentVariable())).isEqualTo("1");
    assertThat(docs).anyMatch(d -> "PodDisruptionBudget".equals(d.get("kind")));
    assertThat(environment(render("k8s/overlays/dev")).get(ScorerConfig.STANDBY_REPLICAS.environmentVariable())).isEqualTo("0");
  }

  @Test
  void thePrometheusRulesHaveTheAlertsOfTheComposeStack() throws IOException {
    List<Map<String, Object>> docs = render("k8s/overlays/prod");
    Map<String, Object> alerts = new Yaml().load(Files.readString(ROOT.resolve("docker/prometheus/alerts.yml")));
    Map<String, Object> connectorAlerts = new Yaml().load(Files.readString(ROOT.resolve("docker/prometheus/connector-alerts.yml")));

    assertThat(map(named(docs, "PrometheusRule", "influence-scorer").get("spec")).get("groups")).isEqualTo(alerts.get("groups"));
    assertThat(map(named(docs, "PrometheusRule", "influence-connectors").get("spec")).get("groups"))
        .isEqualTo(connectorAlerts.get("groups"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void productionRunsOneOfEachConnectorFromTheConnectorsJarWithItsMetricsScraped() throws IOException {
    List<Map<String, Object>> docs = render("k8s/overlays/prod");
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/docker-compose.yml")));

    for (String network : List.of("bluesky", "mastodon")) {
      Map<String, Object> deployment = named(docs, "Deployment", network + "-connector");
      Map<String, Object> container = list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0);
      assertThat(map(deployment.get("spec")).get("replicas")).as("one reader of one stream").isEqualTo(1);
      assertThat(container.get("command")).isEqualTo(List.of("java", "-jar", "/app/influence-connectors.jar"));
      assertThat((List<Object>) container.get("args")).startsWith(network).contains("--metrics-port=9400");
      assertThat(map(map(deployment.get("metadata")).get("labels")).get("app.kubernetes.io/name"))
          .as("not selected by the scorer's services").isEqualTo("influence-connector");

      Map<String, Object> service = map(map(compose.get("services")).get(network + "-connector"));
      assertThat(service.get("profiles")).as("off by default: it needs the internet").isEqualTo(List.of("connectors"));
      assertThat(service.get("entrypoint")).isEqualTo(container.get("command"));
      assertThat((List<Object>) service.get("command")).startsWith(network).contains("9400");
    }
    assertThat(named(docs, "PodMonitor", "influence-connectors")).isNotNull();
  }

  @Test
  void theDockerfileBuildsWithTheReadmesBuildCommand() throws IOException {
    String buildCommand = "./mvnw -B -DskipTests package";
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(buildCommand);
    assertThat(Files.readString(ROOT.resolve("docker/Dockerfile"))).containsPattern("RUN [^\\n]*\\\\\\s*\\n\\s*" + java.util.regex.Pattern.quote(buildCommand));
  }

  @Test
  void theDockerfileExposesAndChecksTheHttpPortAndKeepsStateOnAVolume() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

    assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + HTTP_PORT + "$");
    assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*/health/live");
    Matcher stateDir = Pattern.compile(ScorerConfig.STATE_DIR.environmentVariable() + "=(\\S+)").matcher(dockerfile);
    assertThat(stateDir.find()).as("the Dockerfile sets the state dir").isTrue();
    assertThat(dockerfile).contains("VOLUME [\"" + stateDir.group(1) + "\"]");
    assertThat(dockerfile).containsPattern("(?m)^USER (?!0|root)");
    Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
    while (from.find()) {
      assertThat(from.group(1)).as("base image pinned to a version").matches("[^:]+:\\d[^:]*").doesNotContain("latest");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theComposeStackPinsItsImagesAndGivesEachScorerItsOwnAddress() throws IOException {
    assertThat(new Yaml().<Map<String, Object>>load(Files.readString(ROOT.resolve("docker/docker-compose.yml"))))
        .extractingByKey("services").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("connector");
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/docker-compose.yml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

    List<String> addresses = new ArrayList<>();
    services.forEach((name, service) -> {
      boolean ourImage = service.containsKey("build") || OUR_IMAGE.equals(service.get("image"));
      if (!ourImage) {
        assertThat((String) service.get("image")).as("image of " + name + " pinned to a version")
            .matches("[^:]+:v?\\d[^:]*");
        return;
      }
      Map<String, Object> env = map(service.getOrDefault("environment", Map.of()));
      assertThat(env.keySet()).as("SCORER_* variables of " + name)
          .allMatch(v -> !v.startsWith("SCORER_") || KNOWN_VARIABLES.contains(v) || v.startsWith("SCORER_KAFKA_"));
      if (((List<String>) service.get("command")).get(0).equals("run")) {
        assertThat(map(service.get("build")).get("dockerfile")).as(name).isEqualTo("docker/Dockerfile");
        String address = (String) env.get(ScorerConfig.APPLICATION_SERVER.environmentVariable());
        assertThat(address).as(name + "'s application.server is its own host name on the HTTP port")
            .isEqualTo(service.get("hostname") + ":" + HTTP_PORT);
        assertThat((List<String>) service.get("ports")).as(name).allMatch(p -> p.endsWith(":" + HTTP_PORT));
        addresses.add(address);
      }
    });
    assertThat(addresses).as("scorer instances").hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    assertThat(services).containsKeys("prometheus", "grafana");
  }

  @Test
  void yamllintAcceptsTheDeploymentFiles() {
    ExternalTool.Result result = run(ROOT, "yamllint", "-c", ".yamllint", "docker", "k8s");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  // ---- rendering and reading ----

  private static List<Map<String, Object>> render(String kustomization) {
    ExternalTool.Result result = run(ROOT, "kubectl", "kustomize", kustomization);
    assertThat(result.exitCode()).as("kubectl kustomize %s: %s", kustomization, result.output()).isZero();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(new LoaderOptions()).loadAll(result.output())) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  private static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
    List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    assertThat(found).as("resources of kind " + kind).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
    return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  private static Map<String, Object> scorerContainer(List<Map<String, Object>> docs) {
    Map<String, Object> podSpec = map(map(map(only(docs, "StatefulSet").get("spec")).get("template")).get("spec"));
    return list(podSpec.get("containers")).get(0);
  }

  /** The container's variables: those of the ConfigMaps it takes with envFrom, then its own env. */
  private static Map<String, String> environment(List<Map<String, Object>> docs) {
    Map<String, Object> container = scorerContainer(docs);
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> from : list(container.getOrDefault("envFrom", List.of()))) {
      String name = (String) map(from.get("configMapRef")).get("name");
      Map<String, Object> configMap = docs.stream()
          .filter(d -> "ConfigMap".equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
          .findFirst().orElseThrow(() -> new AssertionError("envFrom names a missing ConfigMap " + name));
      map(configMap.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    }
    for (Map<String, Object> variable : list(container.getOrDefault("env", List.of()))) {
      env.put((String) variable.get("name"), variable.get("value") == null ? "" : String.valueOf(variable.get("value")));
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private static ExternalTool.Result run(Path dir, String tool, String... args) {
    return ExternalTool.run(dir, Duration.ofSeconds(60), ExternalTool.onPath(tool, switch (tool) {
      case "yamllint" -> "install Debian's yamllint package (apt-get install yamllint); .ci/run installs it";
      case "kubectl" -> "install kubectl (it includes kustomize) to render k8s/overlays; Debian bookworm has no package for it";
      default -> "install it";
    }), args);
  }

  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s/base")) && Files.isRegularFile(dir.resolve("docker/Dockerfile"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no k8s/base and docker/Dockerfile above " + Path.of("").toAbsolutePath());
  }
}
