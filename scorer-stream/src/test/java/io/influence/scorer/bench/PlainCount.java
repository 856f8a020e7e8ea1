package io.influence.scorer.bench;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The yardstick the scorer is held to: the plainest stateful Kafka Streams application over the same
 * input topics, {@code groupByKey().count()} into RocksDB, with the scorer's own Streams settings
 * (processing guarantee, commit interval, number of threads...). Records are counted by their key (the connector's
 * {@code <network>:<actor account>}) and their values are not decoded, as a plain count needs not; or,
 * as an application that reads the events as events would, decoded from Avro through the registry
 * (the full-topology issue expected the plain count at 40–50k events/s here, where the bare one does
 * more than 100k).
 */
final class PlainCount {
  private PlainCount() {}

  /**
   * Seconds a fresh count application takes from its first record to the last of {@code events}.
   *
   * @param decodeValues whether it decodes each value into an {@link InteractionEvent}
   */
  static double secondsToCountAll(ScorerConfig scorer, long events, boolean decodeValues) throws IOException, InterruptedException {
    LongAdder counted = new LongAdder();
    Serde<?> values = decodeValues ? ServiceBench.eventSerde(scorer) : Serdes.ByteArray();
    return ServiceBench.secondsToRun(scorer, "plain-count-" + System.nanoTime(), topology(scorer, values, counted), counted, events);
  }

  private static <V> Topology topology(ScorerConfig scorer, Serde<V> values, LongAdder counted) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(scorer.get(ScorerConfig.INPUT_PATTERN), Consumed.with(Serdes.String(), values))
        .peek((key, value) -> counted.increment())
        .groupByKey()
        .count(Materialized.as("counts"));
    return builder.build();
  }
}
