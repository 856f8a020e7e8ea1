package io.influence.scorer.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers a dead letter carries: why it was rejected, where it came from, and when. */
public final class DeadLetterHeaders {
  public static final String REASON = "dlq.reason";
  public static final String DETAIL = "dlq.detail";
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";
  public static final String REJECTED_AT = "dlq.rejected.at";

  private DeadLetterHeaders() {}

  static Headers describe(Headers original, DeadLetterReason reason, String detail, RecordMetadata source, Instant now) {
    return describe(original, reason, detail, source.topic(), source.partition(), source.offset(), now);
  }

  static Headers describe(Headers original, DeadLetterReason reason, String detail, String topic, int partition, long offset,
      Instant now) {
    Headers headers = new RecordHeaders(original.toArray());
    put(headers, REASON, reason.tag());
    put(headers, DETAIL, detail);
    put(headers, SOURCE_TOPIC, topic);
    put(headers, SOURCE_PARTITION, String.valueOf(partition));
    put(headers, SOURCE_OFFSET, String.valueOf(offset));
    put(headers, REJECTED_AT, now.toString());
    return headers;
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
