package io.influence.scorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.influence.embedded.BrokerWithAdmin;
import io.influence.embedded.FreePorts;
import io.influence.embedded.TestCertificates;
import io.influence.registry.RegistryClientListener;
import io.influence.registry.RegistryClientSecurity;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry} as a process of its own, with basic auth and HTTPS: it serves a client configured
 * with Confluent's keys, and a {@code kill -9} and a restart lose no schema, since they live in
 * {@code _schemas}.
 */
class RegistryCommandIT {
  private static final Duration START_PATIENCE = Duration.ofSeconds(60);

  @RegisterExtension
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @Test
  void aSecuredRegistryProcessKilledAndRestartedStillServesTheSchemaIdsItGave(@TempDir Path directory) throws Exception {
    TestCertificates certificates = TestCertificates.createIn(directory);
    Path users = Files.writeString(directory.resolve("users"), "scorer:registry-pass\n");
    int port = FreePorts.next();
    List<String> arguments = List.of("registry", "--bootstrap-servers", kafka.bootstrapServers(), "--port", String.valueOf(port),
        "--users-file", users.toString(), "--https-keystore", certificates.keyStore().toString());
    Map<String, String> environment = Map.of(RegistryCommand.KEYSTORE_PASSWORD_VARIABLE, certificates.password());
    String url = "https://localhost:" + port;

    int id;
    try (CliProcess registry = CliProcess.start(arguments, environment, directory.resolve("first.log"))) {
      id = awaitAnswer(registry, () -> client(url, certificates).register("interactions.any-value", InteractionEvent.getClassSchema()));
      registry.kill();
    }
    try (CliProcess restarted = CliProcess.start(arguments, environment, directory.resolve("second.log"))) {
      assertThat(awaitAnswer(restarted, () -> client(url, certificates).schemaById(id))).isEqualTo(InteractionEvent.getClassSchema());
      assertThat(restarted.output()).contains("Schema registry at " + url).doesNotContain("registry-pass", certificates.password());
      assertThat(restarted.terminate(Duration.ofSeconds(30))).isIn(0, 143);
    }
  }

  private static <T> T awaitAnswer(CliProcess registry, java.util.concurrent.Callable<T> call) {
    return await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> {
          assertThat(registry.isAlive()).as(registry::output).isTrue();
          return call.call();
        }, answer -> true);
  }

  private static RestSchemaRegistryClient client(String url, TestCertificates certificates) {
    return new RestSchemaRegistryClient(url, new RestSchemaRegistryClient.Settings(Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO),
        RegistryClientListener.NONE, RegistryClientSecurity.fromConfigs(Map.of(
            RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
            RegistryClientSecurity.USER_INFO, "scorer:registry-pass",
            RegistryClientSecurity.TRUSTSTORE_LOCATION, certificates.trustStore().toString(),
            RegistryClientSecurity.TRUSTSTORE_PASSWORD, certificates.password()), url));
  }
}
