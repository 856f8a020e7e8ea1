package io.influence.scorer.bench;

import io.influence.schema.CauseKind;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.FixedRatePacer;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.connector.SnapActivityReader;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Event→score latency of a running scorer under live traffic: the Higgs events again, each stamped
 * with the moment it is sent (so it is inside the 90-day window and not in the future) and given a new
 * id, published at a fixed rate into a fresh scorer that starts at the end of the input topics. A
 * consumer of the scorer's output, reading committed records only as any downstream reader would,
 * notes when the score whose {@code cause.eventId} is an event appears. Latency is that moment
 * minus the event's time, both on this machine's wall clock.
 *
 * <p>Not every event publishes a score (the score must move by {@code emit.min.score.change}), so
 * the figures are over those that did, and their share is reported. Events sent during the warm-up
 * are left out.
 */
final class LiveLatency {
  private static final Duration POLL = Duration.ofMillis(50);
  /** After the last event, how long the output may stay quiet before the scores still missing are given up. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  /**
   * @param sent events sent after the warm-up
   * @param latenciesMillis sorted, one per such event whose score appeared
   * @param seconds how long the measured events were sent for
   */
  record Result(long sent, long[] latenciesMillis, double seconds) {
    double percentile(double p) {
      return latenciesMillis.length == 0 ? Double.NaN
          : latenciesMillis[Math.min(latenciesMillis.length - 1, (int) Math.ceil(p / 100 * latenciesMillis.length) - 1)];
    }

    double scoredShare() {
      return (double) latenciesMillis.length / sent;
    }
  }

  private LiveLatency() {}

  static Result measure(ScorerConfig fresh, Path input, double eventsPerSecond, Duration warmUp, Duration measured)
      throws IOException, InterruptedException {
    ScorerConfig config = fresh.with(Map.of("kafka." + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> scoredAt = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
      awaitRunning(scorer.streams());
      Thread reader = new Thread(() -> readScores(config, scoredAt, stop), "latency-reader");
      reader.start();
      long sent;
      long sendingNanos;
      try {
        long[] counts = publishLive(config, input, eventsPerSecond, warmUp, measured, sentAt);
        sent = counts[0];
        sendingNanos = counts[1];
        awaitQuiet(scoredAt);
      } finally {
        stop.set(true);
        reader.join();
      }
      long[] latencies = sentAt.entrySet().stream()
          .filter(entry -> scoredAt.containsKey(entry.getKey()))
          .mapToLong(entry -> scoredAt.get(entry.getKey()) - entry.getValue())
          .sorted()
          .toArray();
      return new Result(sent, latencies, sendingNanos / 1e9);
    } finally {
      ServiceBench.deleteRecursively(config.get(ScorerConfig.STATE_DIR));
    }
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    while (streams.state() != KafkaStreams.State.RUNNING) {
      Thread.sleep(50);
    }
    // The consumer looks up the end of each partition at its first poll after the assignment.
    Thread.sleep(2_000);
  }

  /**
   * Sends the file's events, again and again, at {@code eventsPerSecond}; records the send time of
   * those sent after the warm-up. Returns how many those were and for how many nanoseconds they were sent.
   */
  private static long[] publishLive(ScorerConfig config, Path input, double eventsPerSecond, Duration warmUp, Duration measured,
      Map<String, Long> sentAt) throws IOException, InterruptedException {
    var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(config.get(ScorerConfig.SCHEMA_REGISTRY_URL).toString()),
        InteractionEvent.class);
    FixedRatePacer pacer = new FixedRatePacer(eventsPerSecond);
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    long sent = 0;
    try (InteractionPublisher publisher = new InteractionPublisher(config.publisherSettings(false), serde.serializer())) {
      for (int pass = 1; System.nanoTime() < end; pass++) {
        try (Stream<InteractionEvent> events = new SnapActivityReader(input).events(rejected -> { })) {
          Iterator<InteractionEvent> iterator = events.iterator();
          while (iterator.hasNext() && System.nanoTime() < end) {
            pacer.awaitNext();
            long now = System.currentTimeMillis();
            InteractionEvent original = iterator.next();
            InteractionEvent event = InteractionEvent.newBuilder(original)
                .setEventId("live-" + pass + ":" + original.getEventId())
                .setOccurredAt(Instant.ofEpochMilli(now))
                .build();
            if (System.nanoTime() >= measureFrom) {
              sentAt.put(event.getEventId(), now);
              sent++;
            }
            publisher.publish(event);
          }
        }
      }
    }
    return new long[] {sent, end - measureFrom};
  }

  private static void readScores(ScorerConfig config, Map<String, Long> scoredAt, AtomicBoolean stop) {
    var scores = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(config.get(ScorerConfig.SCHEMA_REGISTRY_URL).toString()),
        UserScore.class);
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ScorerConfig.BOOTSTRAP_SERVERS),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.GROUP_ID_CONFIG, "latency-reader-" + System.nanoTime());
    try (KafkaConsumer<String, UserScore> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), scores.deserializer())) {
      consumer.subscribe(List.of(config.get(ScorerConfig.OUTPUT_TOPIC)));
      while (!stop.get()) {
        for (ConsumerRecord<String, UserScore> record : consumer.poll(POLL)) {
          long now = System.currentTimeMillis();
          UserScore score = record.value();
          if (score.getCause().getKind() == CauseKind.EVENT && score.getCause().getEventId() != null) {
            scoredAt.putIfAbsent(score.getCause().getEventId(), now);
          }
        }
      }
    }
  }

  /** Waits until no new score has appeared for {@link #DRAIN}. */
  private static void awaitQuiet(Map<String, Long> scoredAt) throws InterruptedException {
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < DRAIN.toNanos()) {
      if (scoredAt.size() != seen) {
        seen = scoredAt.size();
        quietSince = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  static String describe(Result result) {
    long[] latencies = result.latenciesMillis();
    return String.format(Locale.ROOT, "%,d events in %.0f s (%.0f/s), %.1f%% published a score: p50 %.0f ms, p99 %.0f ms, max %d ms",
        result.sent(), result.seconds(), result.sent() / result.seconds(), 100 * result.scoredShare(), result.percentile(50),
        result.percentile(99), latencies.length == 0 ? 0 : Arrays.stream(latencies).max().getAsLong());
  }
}
