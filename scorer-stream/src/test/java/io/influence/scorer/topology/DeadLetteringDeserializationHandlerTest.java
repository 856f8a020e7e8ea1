package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.registry.SchemaRegistryException;
import io.influence.scorer.metrics.ScorerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cases ScoringTopologyTest does not reach: what must not be set aside, and a global store's thread. */
class DeadLetteringDeserializationHandlerTest {
  private static final SerializationException UNDECODABLE = new SerializationException("not in the Confluent wire format");

  private final ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
  private final DeadLetteringDeserializationHandler handler = new DeadLetteringDeserializationHandler();

  @BeforeEach
  void configure() {
    handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "influence-scorer", DeadLetteringDeserializationHandler.METRICS_CONFIG, metrics));
  }

  @Test
  void aRecordReadWhileTheRegistryDoesNotAnswerFailsToBeReadAgain() {
    SerializationException registryDown = new SerializationException("cannot fetch schema 7",
        new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, "unreachable"));

    Response response = handler.handleError(context("influence-erasures", new TaskId(2, 0)), record("influence-erasures"), registryDown);

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(metrics.recordsSetAside("influence-erasures")).isZero();
  }

  @Test
  void aRecordReadWhileTheRegistryAnswersWithAServerErrorFailsToBeReadAgain() {
    SerializationException registryFailing = new SerializationException("cannot fetch schema 7",
        SchemaRegistryException.storeError("cannot read _schemas", null));

    assertThat(handler.handleError(context("influence-erasures", new TaskId(2, 0)), record("influence-erasures"), registryFailing).result())
        .isEqualTo(Result.FAIL);
  }

  @Test
  void aRecordWhoseSchemaTheRegistryDoesNotKnowIsSentToTheDeadLetters() {
    SerializationException unknown = new SerializationException("cannot fetch schema 7", SchemaRegistryException.schemaNotFound("7"));

    Response response = handler.handleError(context("influence-erasures", new TaskId(2, 0)), record("influence-erasures"), unknown);

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(deadLetter -> {
      assertThat(deadLetter.topic()).isEqualTo("influence-erasures.dlq");
      assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).isEqualTo("unknown-schema");
    });
  }

  @Test
  void aRecordOfTheApplicationsOwnTopicsFailsSinceOnlyABugWritesItWrong() {
    String repartition = "influence-scorer-erasures-by-user-repartition";

    assertThat(handler.handleError(context(repartition, new TaskId(2, 0)), record(repartition), UNDECODABLE).result()).isEqualTo(Result.FAIL);
  }

  @Test
  void aGlobalStoresThreadCannotProduceSoItCountsTheRecordAndGoesOn() {
    Response response = handler.handleError(context("influence-erasures.applied", new TaskId(-1, -1)), record("influence-erasures.applied"),
        UNDECODABLE);

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(metrics.recordsSetAside("influence-erasures.applied")).isEqualTo(1);
  }

  @Test
  void withoutTheServicesMetricsItDoesNotStart() {
    assertThatThrownBy(() -> new DeadLetteringDeserializationHandler().configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(DeadLetteringDeserializationHandler.METRICS_CONFIG);
  }

  private static ConsumerRecord<byte[], byte[]> record(String topic) {
    return new ConsumerRecord<>(topic, 0, 5, "twitter:bob".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
  }

  private static ErrorHandlerContext context(String topic, TaskId task) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 5;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "source";
      }

      @Override
      public TaskId taskId() {
        return task;
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return null;
      }

      @Override
      public byte[] sourceRawValue() {
        return null;
      }
    };
  }
}
