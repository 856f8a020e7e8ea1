package io.influence.scorer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.embedded.BrokerWithAdmin;
import io.influence.registry.server.SecuredRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confluent's own Python client against our registry with basic auth and HTTPS on, configured as its
 * documentation says ({@code basic.auth.user.info}, {@code ssl.ca.location}): it registers and reads
 * the contract's schema with the right password and is refused with Confluent's 401 with a wrong one.
 * The peer is {@code src/test/python/secured_registry_client.py}.
 */
class ConfluentPythonSecuredRegistryIT {
  private static final long SCRIPT_TIMEOUT_SECONDS = 60;
  private static final Path INTERACTION_EVENT_SCHEMA = Path.of(System.getProperty("basedir", "."), "..", "schemas",
      "InteractionEvent.avsc");

  @RegisterExtension
  @Order(1)
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @RegisterExtension
  @Order(2)
  static final SecuredRegistry registry = new SecuredRegistry(kafka, "python-connector:pa55word");

  @BeforeAll
  static void requirePython() throws Exception {
    DebianPython.requireConfluentAvroClient();
  }

  @Test
  void confluentsPythonClientWithTheRightPasswordRegistersAndReadsBackTheContractOverHttps() throws Exception {
    DebianPython.Run run = client("python-connector:pa55word");

    assertThat(run.exitCode()).as(run.describe("secured_registry_client.py")).isZero();
    assertThat(run.stdout()).singleElement().asString().contains("\"schema_matches\": true");
  }

  @Test
  void confluentsPythonClientWithAWrongPasswordIsRefusedWithError401() throws Exception {
    DebianPython.Run run = client("python-connector:wrong");

    assertThat(run.exitCode()).as(run.describe("secured_registry_client.py")).isEqualTo(3);
    assertThat(run.stdout()).singleElement().asString().contains("\"error_code\": 401", "\"status\": 401");
  }

  private static DebianPython.Run client(String userInfo) throws Exception {
    return DebianPython.script("secured_registry_client.py", List.of(
        "--url", registry.url(),
        "--user-info", userInfo,
        "--ca", registry.certificates().caPem().toString(),
        "--subject", "interactions.python-value",
        "--schema", INTERACTION_EVENT_SCHEMA.toString()), "", SCRIPT_TIMEOUT_SECONDS);
  }
}
