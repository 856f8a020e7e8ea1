package io.influence.scorer.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.influence.scorer.metrics.ScorerMetrics;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a source that Kafka Streams decodes does with a record it cannot read: the erasure requests,
 * the one contract topic not decoded by a processor of ours. Kafka Streams' default stops the stream
 * thread, and a replaced thread meets the same record again, so one bad request would stop all scoring
 * for good. Instead the record goes to {@code <topic>.dlq} with the headers every dead letter carries
 * ({@link DeadLetterHeaders}), in the same transaction as the task's progress.
 *
 * <p>Three exceptions. A registry that cannot be asked fails the thread, to read the record again,
 * since it is probably fine. The application's own internal topics fail too: only this service writes
 * them, so a record there that does not decode is a bug to stop at, and they have no dead-letter topic.
 * A global store's thread cannot produce: it logs and counts the record and goes on.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);
  private static final int GLOBAL_TASK = -1;

  /** The setting that hands this handler the service's metrics, since Kafka Streams makes it from its class. */
  public static final String METRICS_CONFIG = "influence.metrics";

  private String internalTopicPrefix;
  private ScorerMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    internalTopicPrefix = configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-";
    if (!(configs.get(METRICS_CONFIG) instanceof ScorerMetrics given)) {
      throw new ConfigException(METRICS_CONFIG, configs.get(METRICS_CONFIG), "the scorer's ScorerMetrics, to count the records set aside");
    }
    metrics = given;
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    String source = DecodeFailures.position(context.topic(), context.partition(), context.offset());
    if (exception instanceof SerializationException e && DecodeFailures.registryUnavailable(e)) {
      log.error("Cannot decode the record at {} while the schema registry does not answer; it will be read again", source, e);
      return Response.fail();
    }
    if (context.topic().startsWith(internalTopicPrefix)) {
      log.error("The record at {}, in a topic of this application's own, does not decode", source, exception);
      return Response.fail();
    }
    DeadLetterReason reason = exception instanceof SerializationException e ? DecodeFailures.reason(e) : DeadLetterReason.UNDECODABLE;
    String detail = DecodeFailures.describe(exception);
    metrics.recordSetAside(context.topic(), reason.tag());
    if (context.taskId().subtopology() == GLOBAL_TASK) {
      log.error("Left aside the record at {} ({}): {}", source, reason.tag(), detail);
      return Response.resume();
    }
    String deadLetters = TopologySettings.deadLetterTopic(context.topic());
    log.warn("Sent the record at {} to {} ({}): {}", source, deadLetters, reason.tag(), detail);
    // A record without a timestamp (-1, the oldest message format) gets the producer's.
    Long timestamp = record.timestamp() < 0 ? null : record.timestamp();
    return Response.resume(List.of(new ProducerRecord<>(deadLetters, null, timestamp, record.key(), record.value(),
        DeadLetterHeaders.describe(record.headers(), reason, detail, context.topic(), context.partition(), context.offset(), Instant.now()))));
  }
}
