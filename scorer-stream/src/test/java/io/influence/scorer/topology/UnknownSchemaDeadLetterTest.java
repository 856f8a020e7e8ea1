package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RegisteredSchema;
import io.influence.registry.SchemaRegistryClient;
import io.influence.registry.SchemaRegistryException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** A record written with a schema id the registry has never heard of is a dead letter, not a stuck task. */
class UnknownSchemaDeadLetterTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  /** A registry that answers, and knows no schema: what a record from another cluster's registry meets. */
  private static final class EmptyRegistry implements SchemaRegistryClient {
    @Override
    public int register(String subject, Schema schema) {
      throw new UnsupportedOperationException("the scorer only reads events");
    }

    @Override
    public Schema schemaById(int id) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    @Override
    public RegisteredSchema latest(String subject) {
      throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
      return Optional.empty();
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      return true;
    }
  }

  @Test
  void anUnknownSchemaIdGoesToTheDeadLetterTopicWithItsBytes() {
    ContractSerdesForTests plain = new ContractSerdesForTests();
    ScoringTopology.ContractSerdes serdes = new ScoringTopology.ContractSerdes(
        ConfluentAvroSerde.forValues(new EmptyRegistry(), InteractionEvent.class),
        plain.contract().accountLinks(), plain.contract().scores(), plain.contract().erasures());
    ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
    ScoringTopology topology = new ScoringTopology(TopologySettings.from(ScorerConfig.defaults()), serdes, metrics, () -> T0,
        new PartitionedLeaderboards());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "unknown-schema-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(), props, T0)) {
      TestInputTopic<byte[], byte[]> raw = driver.createInputTopic("interactions.twitter", new ByteArraySerializer(),
          new ByteArraySerializer());
      TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic("interactions.twitter.dlq",
          Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
      byte[] wireFormat = {0, 0, 0, 0, 42, 2, 'x'};

      raw.pipeInput(new byte[] {1}, wireFormat, T0);

      var deadLetter = deadLetters.readRecord();
      assertThat(deadLetter.value()).isEqualTo(wireFormat);
      assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
          .isEqualTo("unknown-schema");
      assertThat(metrics.outcomes(EventOutcome.DLQ)).isEqualTo(1.0);
    }
  }
}
