package io.influence.scorer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.InvalidSettingException;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state.changelogs=false}, a replay's default: the stores have no changelog topics, so a task
 * that starts a second time in the instance (here its stream thread replaced) stops the scorer, saying
 * why, instead of scoring on stores that lost what they held. With changelogs the same goes on.
 */
class WithoutChangelogsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  static Path states;

  @Test
  void aTaskStartedASecondTimeStopsTheScorerWithTheReason() throws Exception {
    replaceTheStreamThreadOfAScorer(false, (topics, scorer) -> {
      assertThat(topics).noneMatch(topic -> topic.endsWith("-changelog"));
      await().atMost(PATIENCE).until(() -> scorer.streams().state() == KafkaStreams.State.ERROR);
      assertThatThrownBy(scorer::requireNotStopped)
          .hasMessageStartingWith("the scorer stopped (ERROR): task ")
          .hasMessageContaining("started a second time in this instance, and without changelogs (state.changelogs=false)");
    });
  }

  @Test
  void withChangelogsATaskStartedAgainIsRestoredAndGoesOn() throws Exception {
    replaceTheStreamThreadOfAScorer(true, (topics, scorer) -> {
      assertThat(topics).anyMatch(topic -> topic.endsWith("-user-influence-changelog"));
      await().atMost(PATIENCE).until(() -> scorer.streams().state() == KafkaStreams.State.RUNNING);
      scorer.requireNotStopped();
    });
  }

  /** What is checked once a scorer has scored a share and had its stream thread replaced. */
  private interface Afterwards {
    void check(Set<String> topics, ScorerService scorer) throws Exception;
  }

  /** The thread's tasks are closed with it, and start again in the thread that replaces it. */
  private static void replaceTheStreamThreadOfAScorer(boolean changelogs, Afterwards afterwards) throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts();
        InteractionPublisher publisher = publisher(stack);
        ScorerService scorer = ScorerService.start(config(stack, changelogs), Clock.systemUTC())) {
      publisher.publish(Shares.share("e1", "fan", "cern", Instant.parse("2012-07-04T09:00:00Z")));
      publisher.flush();
      await().atMost(PATIENCE).until(() -> scorer.metrics().outcomes(EventOutcome.SCORED) == 1);

      assertThat(scorer.streams().removeStreamThread(PATIENCE)).isPresent();
      assertThat(scorer.streams().addStreamThread()).isPresent();

      afterwards.check(topics(stack), scorer);
    }
  }

  @Test
  void standbyReplicasWithoutChangelogsAreRefusedAtStartUp() {
    ScorerConfig config = ScorerConfig.defaults().with(Map.of("state.changelogs", "false", "standby.replicas", "1"));

    assertThatThrownBy(() -> ScorerService.start(config, Clock.systemUTC()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("state.changelogs")
        .hasMessageContaining("standby.replicas=1");
  }

  private static Set<String> topics(EmbeddedStack stack) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private static InteractionPublisher publisher(EmbeddedStack stack) {
    RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 2, (short) 1, true),
        ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer());
    publisher.ensureTopic("twitter");
    return publisher;
  }

  private static ScorerConfig config(EmbeddedStack stack, boolean changelogs) throws Exception {
    return stack.scorerConfig(Files.createTempDirectory(states, "instance"), FreePorts.next())
        .with(Map.of("commit.interval", "200ms", "standby.replicas", "0", "state.changelogs", String.valueOf(changelogs)));
  }
}
