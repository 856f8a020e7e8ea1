package io.influence.scorer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerConfigTest {

  @Test
  void defaultsPointAtTheEmbeddedStack() {
    ScorerConfig config = ScorerConfig.defaults();
    assertThat(config.get(ScorerConfig.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    assertThat(config.get(ScorerConfig.HTTP_PORT)).isEqualTo(8080);
    assertThat(config.get(ScorerConfig.APPLICATION_SERVER)).isEqualTo(new HostAndPort("localhost", 8080));
    assertThat(config.get(ScorerConfig.STANDING_HALF_LIFE)).isEqualTo(Duration.ofDays(180));
    assertThat(config.get(ScorerConfig.PROCESSING_GUARANTEE)).isEqualTo(ScorerConfig.ProcessingGuarantee.EXACTLY_ONCE_V2);
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scorer.properties");
    Files.writeString(file, "http.port=7000\napplication.id=from-file\noutput.topic=file-scores\n");
    ScorerConfig config = ScorerConfig.load(
        Map.of("http.port", "9000"),
        Map.of("SCORER_HTTP_PORT", "8000", "SCORER_APPLICATION_ID", "from-env", "PATH", "/bin"),
        Optional.of(file));
    assertThat(config.get(ScorerConfig.HTTP_PORT)).isEqualTo(9000);
    assertThat(config.get(ScorerConfig.APPLICATION_ID)).isEqualTo("from-env");
    assertThat(config.get(ScorerConfig.OUTPUT_TOPIC)).isEqualTo("file-scores");
    assertThat(config.get(ScorerConfig.APPLICATION_SERVER)).isEqualTo(new HostAndPort("localhost", 9000));
  }

  @Test
  void aFlagIsReportedByItsNameAndSettingsReplacedByTheCommandKeepTheOthersSources() {
    ScorerConfig config = ScorerConfig.load(Map.of("http.port", "9000", "output.topic", "mine"), Map.of("http.port", "--http-port"),
        Map.of("SCORER_APPLICATION_ID", "from-env"), Optional.empty());

    ScorerConfig replaced = config.with(Map.of("state.dir", "/scratch"));

    assertThat(config.sourceOf(ScorerConfig.HTTP_PORT)).isEqualTo("flag --http-port");
    assertThat(config.sourceOf(ScorerConfig.OUTPUT_TOPIC)).isEqualTo("--set output.topic");
    assertThat(replaced.sourceOf(ScorerConfig.HTTP_PORT)).isEqualTo("flag --http-port");
    assertThat(replaced.sourceOf(ScorerConfig.APPLICATION_ID)).isEqualTo("environment SCORER_APPLICATION_ID");
    assertThat(replaced.sourceOf(ScorerConfig.STATE_DIR)).isEqualTo("set by the command");
    assertThat(replaced.get(ScorerConfig.OUTPUT_TOPIC)).isEqualTo("mine");
  }

  @Test
  void aWrongValueFailsNamingTheSettingAndItsSource() {
    assertThatThrownBy(() -> ScorerConfig.load(Map.of(), Map.of("SCORER_HTTP_PORT", "eighty"), Optional.empty()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("http.port")
        .hasMessageContaining("SCORER_HTTP_PORT")
        .hasMessageContaining("whole number");
  }

  @Test
  void anUnknownSettingIsATypoNotSomethingToIgnore() {
    assertThatThrownBy(() -> ScorerConfig.load(Map.of(), Map.of("SCORER_HTTP_PROT", "80"), Optional.empty()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("http.prot")
        .hasMessageContaining("unknown setting");
  }

  @Test
  void kafkaSettingsPassThroughAndSecretsAreMasked() {
    ScorerConfig config = ScorerConfig.load(Map.of(),
        Map.of("SCORER_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2\";",
            "SCORER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
        Optional.empty());
    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL").containsKey("sasl.jaas.config");
    assertThat(config.describe().toString()).doesNotContain("hunter2").contains("kafka.sasl.jaas.config=****");
  }

  @Test
  void durationsReadInEitherForm() {
    assertThat(ScorerConfig.defaults().with(Map.of("scoring.standing.half.life", "P14D")).get(ScorerConfig.STANDING_HALF_LIFE)).isEqualTo(Duration.ofDays(14));
    assertThat(ScorerConfig.defaults().with(Map.of("commit.interval", "250ms")).get(ScorerConfig.COMMIT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("commit.interval", "soon")))
        .hasMessageContaining("commit.interval");
  }
  @Test
  void theStoresMemoryBudgetReadsBinaryUnitsAndRefusesTooLittle() {
    assertThat(ScorerConfig.defaults().get(ScorerConfig.STATE_MEMORY)).isEqualTo(256L << 20);
    assertThat(ScorerConfig.defaults().with(Map.of("state.memory", "1GiB")).get(ScorerConfig.STATE_MEMORY)).isEqualTo(1L << 30);
    assertThat(ScorerConfig.defaults().with(Map.of("state.memory", "67108864")).get(ScorerConfig.STATE_MEMORY)).isEqualTo(64L << 20);
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("state.memory", "lots")))
        .hasMessageContaining("state.memory").hasMessageContaining("256MiB");
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("state.memory", "1MiB")))
        .hasMessageContaining("state.memory").hasMessageContaining("between");
  }

  @Test
  void theMetricsRecordingLevelIsInfoUnlessDebugIsAskedFor() {
    assertThat(ScorerConfig.defaults().get(ScorerConfig.METRICS_RECORDING_LEVEL)).isEqualTo(ScorerConfig.RecordingLevel.INFO);
    ScorerConfig debug = ScorerConfig.load(Map.of(), Map.of("SCORER_METRICS_RECORDING_LEVEL", "DEBUG"), Optional.empty());
    assertThat(debug.get(ScorerConfig.METRICS_RECORDING_LEVEL)).isEqualTo(ScorerConfig.RecordingLevel.DEBUG);
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("metrics.recording.level", "verbose")))
        .hasMessageContaining("metrics.recording.level").hasMessageContaining("info");
  }

  @Test
  void credentialsInARegistryUrlAreMaskedInTheBanner() {
    ScorerConfig config = ScorerConfig.defaults().with(Map.of("schema.registry.url", "https://scorer:s3cret@registry.example:8081"));
    assertThat(config.describe().get("schema.registry.url")).startsWith("https://****@registry.example:8081 ");
    assertThat(config.describe().toString()).doesNotContain("s3cret");
  }

  @Test
  void theRegistrysBasicCredentialsAndTruststorePasswordAreMaskedInTheBanner() {
    ScorerConfig config = ScorerConfig.load(Map.of("schema.registry.basic.auth.user.info", "scorer:hunter2",
        "schema.registry.ssl.truststore.password", "changeit"), Map.of(), Optional.empty());

    assertThat(config.describe().toString()).doesNotContain("hunter2").doesNotContain("changeit")
        .contains("schema.registry.basic.auth.user.info=****");
  }

  @Test
  void registryCredentialsThatAreNotUserColonPasswordFailAtStartNamingTheKey() {
    ScorerConfig config = ScorerConfig.load(Map.of("schema.registry.basic.auth.user.info", "just-a-token"), Map.of(), Optional.empty());

    assertThatThrownBy(config::registryClient).hasMessageContaining("basic.auth.user.info").hasMessageNotContaining("just-a-token");
  }

  @Test
  void typeWeightsOverrideTheNamedTypesAndRefuseUnknownOnes() {
    ScorerConfig config = ScorerConfig.defaults().with(Map.of("scoring.weights", "share=2, like=0"));
    assertThat(config.get(ScorerConfig.TYPE_WEIGHTS))
        .containsExactlyInAnyOrderEntriesOf(Map.of(io.influence.scorer.model.EngagementType.SHARE, 2.0,
            io.influence.scorer.model.EngagementType.LIKE, 0.0));
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("scoring.weights", "retweet=1")))
        .hasMessageContaining("scoring.weights").hasMessageContaining("expected one of");
  }

  @Test
  void aTopicDictionaryThatCannotBeReadFailsAtStart() {
    assertThatThrownBy(() -> ScorerConfig.defaults().with(Map.of("topics.dictionary", "/nonexistent/keywords.properties")))
        .hasMessageContaining("topics.dictionary").hasMessageContaining("no readable file");
  }
}
