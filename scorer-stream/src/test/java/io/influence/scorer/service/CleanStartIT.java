package io.influence.scorer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.InteractionSimulator;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.scorer.embedded.EmbeddedStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A clean start logs no ERROR: a fresh broker, registry and scorer, and a connector that creates its
 * networks' topics as their first events arrive, which is when a send races the broker opening a new
 * partition. Everything runs in this JVM, the broker included, so its log is checked too.
 */
class CleanStartIT {
  private static final int EVENTS = 3_000;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    root.detachAppender(logged);
  }

  @Test
  void aFreshStackScoringEventsOnTopicsItCreatesLogsNoError(@TempDir Path state) {
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts();
        ScorerService scorer = ScorerService.start(stack.scorerConfig(state, FreePorts.next()), Clock.systemUTC());
        InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, false),
            ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class).serializer())) {
      InteractionSimulator simulator = new InteractionSimulator(16, Clock.systemUTC());
      for (int i = 0; i < EVENTS; i++) {
        publisher.publish(simulator.next());
      }
      publisher.flush();
      await().atMost(Duration.ofSeconds(120)).until(() -> scorer.metrics().allOutcomes() >= EVENTS);
    }

    List<String> errors = logged.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
        .toList();
    assertThat(errors).isEmpty();
  }
}
