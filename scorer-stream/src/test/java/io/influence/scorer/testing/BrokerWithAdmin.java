package io.influence.scorer.testing;

import io.influence.scorer.embedded.EmbeddedKafkaBroker;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A real broker on a free port and an admin client for it, shared by the tests of one class. */
public record BrokerWithAdmin(EmbeddedKafkaBroker broker, Admin admin) implements AutoCloseable {

  public static BrokerWithAdmin start() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnFreePort();
    return new BrokerWithAdmin(broker, Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    admin.close();
    broker.close();
  }
}
