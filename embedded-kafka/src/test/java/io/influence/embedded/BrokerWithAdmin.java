package io.influence.embedded;

import io.influence.embedded.EmbeddedKafkaBroker;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real broker on a free port and an admin client for it, shared by the tests of one class:
 * {@code @RegisterExtension static final BrokerWithAdmin kafka = new BrokerWithAdmin();}
 */
public final class BrokerWithAdmin implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedKafkaBroker broker;
  private Admin admin;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = EmbeddedKafkaBroker.startOnFreePort();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    admin.close();
    broker.close();
  }

  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  public Admin admin() {
    return admin;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }
}
