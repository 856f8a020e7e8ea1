package io.influence.scorer.bench;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.topology.Engagements;
import io.influence.scorer.topology.Identities;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * What any topology meeting the full-topology issue must move through Kafka per event, with no model:
 * a floor under the scorer's cost, which tells how much of the gap to the plain count a better scorer
 * could close.
 *
 * <p>Per event it does only what the requirements force, as cheaply as it can:
 * <ul>
 *   <li>decodes the Avro event (the scorer must read it) and repartitions it by target, since
 *       connectors key by actor and a user's state must live in one partition: one record produced
 *       and consumed again, whose value is only the actor and the event id (the record's timestamp is
 *       the event's time);
 *   <li>there, remembers the event id for the deduplication window (a logged window store, since ids of
 *       a week must survive a restart), looks up the actor's score in a global store read back from the
 *       output, and adds to the target's state and to the target's day (a logged key-value store and a
 *       logged one-day window store: the decayed state and the daily windows);
 *   <li>publishes a score for four events in five, as often as the scorer does on the Higgs file (its
 *       emission threshold), which every instance reads back into the global store.
 * </ul>
 * Its stores write through, as the scorer's do (Kafka Streams' record cache made it slower here, as it
 * made the scorer). With {@code dayInUserState} the day is kept in the user's value instead of a window
 * store of its own: the cheapest layout conceivable, one store written per event fewer (a late event's
 * day is not kept apart; this is a cost model, not a scorer). It leaves out what the scorer does beyond that (the actor's partition for
 * selectivity, pair histories, the decay index, account links, dead letters, metrics) and all of the
 * model, so it is faster than any scorer could be on the same machine.
 */
final class RequiredRecordsFloor {
  private static final Duration DEDUPLICATION_WINDOW = Duration.ofDays(7);
  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
  private static final String SEEN = "floor-seen";
  private static final String USERS = "floor-users";
  private static final String DAYS = "floor-days";
  private static final String SCORES_READ_BACK = "floor-scores";
  /** Separates the actor from the event id in the repartitioned value; neither contains it. */
  private static final char SEPARATOR = '\u0000';

  private RequiredRecordsFloor() {}

  /**
   * Seconds a fresh floor application takes from its first event processed to the last of {@code events}.
   *
   * @param dayInUserState whether the day's total lives in the user's value rather than in a window store
   */
  static double secondsToProcessAll(ScorerConfig scorer, long events, boolean dayInUserState) throws IOException, InterruptedException {
    return ServiceBench.secondsToRunFloor(scorer, "records-floor", (floor, processed) -> topology(floor, dayInUserState, processed), events);
  }

  private static Topology topology(ScorerConfig floor, boolean dayInUserState, LongAdder processed) {
    String outputTopic = floor.get(ScorerConfig.OUTPUT_TOPIC);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCORES_READ_BACK), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        outputTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()), () -> new GlobalStoreCopy<>(SCORES_READ_BACK));
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(SEEN, DEDUPLICATION_WINDOW.multipliedBy(2), DEDUPLICATION_WINDOW.multipliedBy(2), false),
        Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USERS), Serdes.String(), Serdes.ByteArray())
        .withCachingDisabled());
    String[] stores = {SEEN, USERS};
    if (!dayInUserState) {
      builder.addStateStore(Stores.windowStoreBuilder(
          Stores.persistentWindowStore(DAYS, Duration.ofDays(90), Duration.ofDays(1), false), Serdes.String(), Serdes.Long())
          .withCachingDisabled());
      stores = new String[] {SEEN, USERS, DAYS};
    }

    builder.stream(floor.get(ScorerConfig.INPUT_PATTERN), Consumed.with(Serdes.String(), ServiceBench.eventSerde(floor)))
        .map((connectorKey, event) -> KeyValue.pair(Identities.accountKey(event.getNetwork(), Engagements.targetAccount(event)),
            Identities.accountKey(event.getNetwork(), event.getActorAccount()) + SEPARATOR + event.getEventId()))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("floor-by-target"))
        .process(() -> new TargetProcessor(dayInUserState, processed), stores)
        .to(outputTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  /**
   * In the target's partition: the value is {@code <actor>\0<event id>}, the timestamp the event's time.
   * The user's value is their total, then, with {@code dayInUserState}, the day and its total.
   */
  private static final class TargetProcessor implements Processor<String, String, String, byte[]> {
    private final boolean dayInUserState;
    private final LongAdder processed;
    private ProcessorContext<String, byte[]> context;
    private WindowStore<Bytes, byte[]> seen;
    private KeyValueStore<String, byte[]> users;
    private WindowStore<String, Long> days;
    private KeyValueStore<String, byte[]> scores;

    TargetProcessor(boolean dayInUserState, LongAdder processed) {
      this.dayInUserState = dayInUserState;
      this.processed = processed;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.seen = context.getStateStore(SEEN);
      this.users = context.getStateStore(USERS);
      this.days = dayInUserState ? null : context.getStateStore(DAYS);
      this.scores = context.getStateStore(SCORES_READ_BACK);
    }

    @Override
    public void process(Record<String, String> record) {
      int separator = record.value().indexOf(SEPARATOR);
      String actor = record.value().substring(0, separator);
      String eventId = record.value().substring(separator + 1);
      long at = record.timestamp();
      Bytes id = Bytes.wrap(eventId.getBytes(StandardCharsets.UTF_8));
      boolean duplicate;
      try (var earlier = seen.fetch(id, at - DEDUPLICATION_WINDOW.toMillis(), at + DEDUPLICATION_WINDOW.toMillis())) {
        duplicate = earlier.hasNext();
      }
      if (!duplicate) {
        seen.put(id, new byte[0], at);
        long weight = scores.get(actor) == null ? 1 : 2;
        byte[] storedBytes = users.get(record.key());
        ByteBuffer stored = storedBytes == null ? null : ByteBuffer.wrap(storedBytes);
        long total = (stored == null ? 0 : stored.getLong(0)) + weight;
        long day = at - Math.floorMod(at, MILLIS_PER_DAY);
        if (dayInUserState) {
          long dayTotal = (stored != null && stored.getLong(Long.BYTES) == day ? stored.getLong(2 * Long.BYTES) : 0) + weight;
          users.put(record.key(), ByteBuffer.allocate(3 * Long.BYTES).putLong(total).putLong(day).putLong(dayTotal).array());
        } else {
          users.put(record.key(), ByteBuffer.allocate(Long.BYTES).putLong(total).array());
          Long dayTotal = days.fetch(record.key(), day);
          days.put(record.key(), (dayTotal == null ? 0 : dayTotal) + weight, day);
        }
        if (Math.floorMod(eventId.hashCode(), 5) != 0) {
          context.forward(record.withValue(ByteBuffer.allocate(Long.BYTES).putLong(total).array()));
        }
      }
      processed.increment();
    }
  }
}
