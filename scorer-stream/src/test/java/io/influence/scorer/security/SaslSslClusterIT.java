package io.influence.scorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.connector.InteractionTopics;
import io.influence.embedded.EmbeddedKafkaBroker;
import io.influence.embedded.FreePorts;
import io.influence.embedded.SaslSslListener;
import io.influence.embedded.TestCertificates;
import io.influence.registry.ConfluentAvroDeserializer;
import io.influence.registry.ConfluentAvroSerdeConfig;
import io.influence.registry.ConfluentAvroSerializer;
import io.influence.registry.RegistryClientSecurity;
import io.influence.registry.server.EmbeddedSchemaRegistry;
import io.influence.registry.server.HttpsKeyStore;
import io.influence.registry.server.RegistryServerSettings;
import io.influence.registry.server.RegistryUsers;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.topology.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on a broker that takes only SASL_SSL (SCRAM-SHA-512 over TLS, certificates made
 * for the test) and a registry that takes only HTTPS with basic auth, each party with its own
 * principal, configured only through the documented settings: the registry's Kafka clients, the
 * connectors' publisher (which replay and simulate use) with our serializer configured by Kafka, the scorer's {@code kafka.*} and
 * {@code schema.registry.*} settings, and a consumer of the scores. No secret reaches the log.
 */
class SaslSslClusterIT {
  private static final int EVENTS = 300;
  private static final Map<String, String> USERS = Map.of(SaslSslListener.BROKER_USER, "broker-secret-1",
      "registry", "registry-secret-2", "connector", "connector-secret-3", "scorer", "scorer-secret-4", "reader", "reader-secret-5");
  private static final String REGISTRY_USER_INFO = "scorer:registry-login-secret-6";

  @Test
  void connectorsRegistryAndScorerWorkOverSaslSslAndTheirSecretsNeverReachTheLog(@TempDir Path directory) throws Exception {
    ListAppender<ILoggingEvent> logged = listenToTheLog();
    TestCertificates certificates = TestCertificates.createIn(directory);
    SaslSslListener listener = new SaslSslListener(certificates.keyStore(), certificates.trustStore(), certificates.password(), USERS);
    Path registryUsers = Files.writeString(directory.resolve("registry-users"), REGISTRY_USER_INFO + "\n");
    Map<String, Object> registryKafka = new HashMap<>(listener.clientProperties("registry"));

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(listener)) {
      registryKafka.put("bootstrap.servers", broker.bootstrapServers());
      String topic = InteractionTopics.topicFor("twitter");
      try (Admin admin = Admin.create(clientOf(broker, listener, "connector"))) {
        admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
      }
      try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new RegistryServerSettings(registryKafka, 0,
              Optional.of(RegistryUsers.load(registryUsers)), Optional.of(HttpsKeyStore.pkcs12(certificates.keyStore(), certificates.password()))));
          ScorerService scorer = ScorerService.start(scorerConfig(broker, listener, registry, certificates, directory), Clock.systemUTC())) {
        Map<String, Object> registryAccess = Map.of(
            ConfluentAvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
            RegistryClientSecurity.CREDENTIALS_SOURCE, "USER_INFO",
            RegistryClientSecurity.USER_INFO, REGISTRY_USER_INFO,
            RegistryClientSecurity.TRUSTSTORE_LOCATION, certificates.trustStore().toString(),
            RegistryClientSecurity.TRUSTSTORE_PASSWORD, certificates.password());

        Set<String> accounts = publish(broker, listener, registryAccess);

        await().atMost(Duration.ofSeconds(120)).until(() -> scorer.metrics().allOutcomes() >= EVENTS);

        // Not every account gets a score (POST-only actors do not), but well over a hundred do.
        assertThat(readScoredUsers(broker, listener, registryAccess)).isSubsetOf(accounts).hasSizeGreaterThan(100);
      }
    } finally {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages).anySatisfy(message -> assertThat(message).contains("kafka.sasl.jaas.config = ****"));
    for (String secret : secrets(certificates)) {
      assertThat(messages).noneSatisfy(message -> assertThat(message).contains(secret));
    }
  }

  @Test
  void aClientWithAWrongPasswordIsRefused(@TempDir Path directory) {
    TestCertificates certificates = TestCertificates.createIn(directory);
    SaslSslListener listener = new SaslSslListener(certificates.keyStore(), certificates.trustStore(), certificates.password(), USERS);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(listener)) {
      Map<String, Object> impostor = clientOf(broker, listener, "connector");
      impostor.put("sasl.jaas.config", listener.clientProperties("connector").get("sasl.jaas.config").replace("connector-secret-3", "guess"));

      try (Admin admin = Admin.create(impostor)) {
        assertThatThrownBy(() -> admin.listTopics().names().get())
            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  private static ScorerConfig scorerConfig(EmbeddedKafkaBroker broker, SaslSslListener listener, EmbeddedSchemaRegistry registry,
      TestCertificates certificates, Path directory) {
    Map<String, String> flags = new HashMap<>();
    listener.clientProperties("scorer").forEach((key, value) -> flags.put("kafka." + key, value));
    flags.putAll(Map.of(
        ScorerConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers(),
        ScorerConfig.SCHEMA_REGISTRY_URL.key(), registry.url(),
        ScorerConfig.SCHEMA_REGISTRY_USER_INFO.key(), REGISTRY_USER_INFO,
        ScorerConfig.SCHEMA_REGISTRY_TRUSTSTORE.key(), certificates.trustStore().toString(),
        ScorerConfig.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD.key(), certificates.password(),
        ScorerConfig.HTTP_PORT.key(), String.valueOf(FreePorts.next()),
        ScorerConfig.STATE_DIR.key(), directory.resolve("state").toString(),
        ScorerConfig.STANDBY_REPLICAS.key(), "0"));
    return ScorerConfig.load(flags, Map.of(), Optional.empty());
  }

  /**
   * Publishes simulated events as a connector with its own principal would, through the publisher that
   * replay and simulate use, given the connector's {@code kafka.*} settings; returns the accounts in them.
   */
  private static Set<String> publish(EmbeddedKafkaBroker broker, SaslSslListener listener, Map<String, Object> registryAccess) {
    Map<String, Object> serdeConfig = new HashMap<>(registryAccess);
    ConfluentAvroSerializer<InteractionEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(serdeConfig, false);
    InteractionSimulator simulator = new InteractionSimulator(7, Clock.systemUTC());
    Set<String> accounts = new HashSet<>();
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(broker.bootstrapServers(), 4, (short) 1, false,
        listener.clientProperties("connector")), serializer)) {
      for (int i = 0; i < EVENTS; i++) {
        InteractionEvent onTwitter = InteractionEvent.newBuilder(simulator.next()).setNetwork("twitter").build();
        publisher.publish(onTwitter);
        accounts.add(Identities.accountKey("twitter", onTwitter.getActorAccount()));
        if (onTwitter.getTargetAccount() != null) {
          accounts.add(Identities.accountKey("twitter", onTwitter.getTargetAccount()));
        }
      }
      publisher.flush();
    }
    return accounts;
  }

  /** The users of the scores read from the output topic by a reader with its own principal, until 5 s bring nothing new. */
  private static Set<String> readScoredUsers(EmbeddedKafkaBroker broker, SaslSslListener listener, Map<String, Object> registryAccess) {
    Map<String, Object> consumerConfig = clientOf(broker, listener, "reader");
    consumerConfig.putAll(registryAccess);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "score-reader");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class);
    consumerConfig.put(ConfluentAvroSerdeConfig.VALUE_TYPE, UserScore.class.getName());
    Set<String> users = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    long quietSince = System.nanoTime();
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(ScorerConfig.defaults().get(ScorerConfig.OUTPUT_TOPIC)));
      while (System.nanoTime() < deadline && (users.isEmpty() || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos())) {
        int before = users.size();
        consumer.poll(Duration.ofMillis(500)).forEach(record -> users.add(record.key()));
        if (users.size() > before) {
          quietSince = System.nanoTime();
        }
      }
    }
    return users;
  }

  private static Map<String, Object> clientOf(EmbeddedKafkaBroker broker, SaslSslListener listener, String user) {
    Map<String, Object> config = new HashMap<>(listener.clientProperties(user));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return config;
  }

  private static List<String> secrets(TestCertificates certificates) {
    List<String> secrets = new ArrayList<>(USERS.values());
    secrets.add(REGISTRY_USER_INFO.substring(REGISTRY_USER_INFO.indexOf(':') + 1));
    secrets.add(certificates.password());
    return secrets;
  }

  private static ListAppender<ILoggingEvent> listenToTheLog() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    return logged;
  }
}
