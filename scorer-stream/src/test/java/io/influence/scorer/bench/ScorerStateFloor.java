package io.influence.scorer.bench;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.topology.Engagements;
import io.influence.scorer.topology.Identities;
import io.influence.scorer.topology.TopologySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The scorer's records and store calls with none of its model: what the scorer would cost if its model,
 * formats and metrics were free. Beside {@link RequiredRecordsFloor} it tells whether the throughput goal
 * (the scorer at 0.6× that floor) is open to any scorer that keeps the scorer's state, or only to one
 * that keeps less.
 *
 * <p>Per event, in the scorer's order and on stores of the scorer's kinds (RocksDB, changelogged, not
 * cached): two account-link lookups in a global store; the hop to the actor's partition; the event's
 * digest read and written ({@code seen-events}), the actor's activity read and written
 * ({@code actor-activity}), the actor's published score read ({@code published-scores}); the hop to the
 * target's partition; the erasure checks (the target in the task's store, target and actor in the global
 * one), the target read and written ({@code user-influence}), the actor→target pair read and written
 * ({@code pair-history}); then, for four events in five as the scorer publishes on the Higgs file, the
 * published score written and the score produced. Values have the sizes the scorer's stores hold after
 * the Higgs replay (bench/RESULTS.md, "State"); their content is a counter. It leaves out the decay index
 * and reviews, the late days, dead letters, metrics and the leaderboards.
 */
final class ScorerStateFloor {
  private static final String SEEN = "state-floor-seen";
  private static final String ACTIVITY = "state-floor-activity";
  private static final String PUBLISHED = "state-floor-published";
  private static final String USERS = "state-floor-users";
  private static final String PAIRS = "state-floor-pairs";
  private static final String ERASED_TARGETS = "state-floor-erased-targets";
  private static final String LINKS = "state-floor-links";
  private static final String ERASED_USERS = "state-floor-erased-users";
  /** Value sizes per entry of the scorer's stores after the Higgs replay. */
  private static final int USER_BYTES = 186;
  private static final int PAIR_BYTES = 9;
  private static final int ACTIVITY_BYTES = 5;
  private static final int PUBLISHED_BYTES = 21;
  private static final int OUTPUT_BYTES = 120;
  /** Separates the parts of a repartitioned value; no user id or event id contains it. */
  private static final char SEPARATOR = '\u0000';

  private ScorerStateFloor() {}

  /** Seconds a fresh application of this floor takes from its first event processed to the last of {@code events}. */
  static double secondsToProcessAll(ScorerConfig scorer, long events) throws IOException, InterruptedException {
    return ServiceBench.secondsToRunFloor(scorer, "state-floor", ScorerStateFloor::topology, events);
  }

  private static Topology topology(ScorerConfig floor, LongAdder processed) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(store(LINKS, Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), floor.get(ScorerConfig.ACCOUNT_LINKS_TOPIC),
        Consumed.with(Serdes.String(), Serdes.ByteArray()), () -> new GlobalStoreCopy<>(LINKS));
    builder.addGlobalStore(store(ERASED_USERS, Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
        TopologySettings.appliedErasuresTopic(floor.get(ScorerConfig.ERASURES_TOPIC)),
        Consumed.with(Serdes.String(), Serdes.ByteArray()), () -> new GlobalStoreCopy<>(ERASED_USERS));
    builder.addStateStore(store(SEEN, Serdes.Bytes(), Serdes.Long()));
    builder.addStateStore(store(ACTIVITY, Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(store(PUBLISHED, Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(store(USERS, Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(store(PAIRS, Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(store(ERASED_TARGETS, Serdes.String(), Serdes.Long()));

    builder.stream(floor.get(ScorerConfig.INPUT_PATTERN), Consumed.with(Serdes.String(), ServiceBench.eventSerde(floor)))
        .process(Resolver::new)
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("state-floor-by-actor"))
        .processValues(() -> new ActorSide(processed), SEEN, ACTIVITY, PUBLISHED)
        .filter((actor, value) -> value != null)
        .map((actor, value) -> {
          int separator = value.indexOf(SEPARATOR);
          return KeyValue.pair(value.substring(0, separator), actor + SEPARATOR + value.substring(separator + 1));
        })
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("state-floor-by-target"))
        .processValues(() -> new TargetSide(processed), USERS, PAIRS, ERASED_TARGETS, PUBLISHED)
        .filter((target, score) -> score != null)
        .to(floor.get(ScorerConfig.OUTPUT_TOPIC), Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingDisabled();
  }

  /** Looks the target's and the actor's accounts up in the links, and keys the event by its actor: {@code <target>\0<event id>}. */
  private static final class Resolver extends ContextualProcessor<String, InteractionEvent, String, String> {
    private KeyValueStore<String, byte[]> links;

    @Override
    public void init(ProcessorContext<String, String> context) {
      super.init(context);
      links = context.getStateStore(LINKS);
    }

    @Override
    public void process(Record<String, InteractionEvent> record) {
      InteractionEvent event = record.value();
      String target = Identities.accountKey(event.getNetwork(), Engagements.targetAccount(event));
      String actor = Identities.accountKey(event.getNetwork(), event.getActorAccount());
      links.get(target);
      links.get(actor);
      context().forward(record.withKey(actor).withValue(target + SEPARATOR + event.getEventId()));
    }
  }

  /**
   * In the actor's partition, the value {@code <target>\0<event id>}: drops a repeated event, counts the
   * actor's action, and appends the actor's published score to the value (here, whether it has one).
   */
  private static final class ActorSide extends ContextualFixedKeyProcessor<String, String, String> {
    private final LongAdder processed;
    private final MessageDigest sha256;
    private KeyValueStore<Bytes, Long> seen;
    private KeyValueStore<String, byte[]> activity;
    private KeyValueStore<String, byte[]> published;

    ActorSide(LongAdder processed) {
      this.processed = processed;
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      super.init(context);
      seen = context.getStateStore(SEEN);
      activity = context.getStateStore(ACTIVITY);
      published = context.getStateStore(PUBLISHED);
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      Bytes digest = Bytes.wrap(Arrays.copyOf(sha256.digest(record.value().getBytes(StandardCharsets.UTF_8)), 16));
      if (seen.get(digest) != null) {
        context().forward(record.withValue(null));
        processed.increment();
        return;
      }
      seen.put(digest, record.timestamp());
      activity.put(record.key(), counted(activity.get(record.key()), ACTIVITY_BYTES));
      char weight = published.get(record.key()) == null ? '1' : '2';
      context().forward(record.withValue(record.value() + SEPARATOR + weight));
    }
  }

  /** In the target's partition, the value {@code <actor>\0<event id>\0<weight>}: the target's state and the pair's. */
  private static final class TargetSide extends ContextualFixedKeyProcessor<String, String, byte[]> {
    private final LongAdder processed;
    private KeyValueStore<String, byte[]> users;
    private KeyValueStore<String, byte[]> pairs;
    private KeyValueStore<String, Long> erasedTargets;
    private KeyValueStore<String, byte[]> erasedUsers;
    private KeyValueStore<String, byte[]> published;

    TargetSide(LongAdder processed) {
      this.processed = processed;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
      super.init(context);
      users = context.getStateStore(USERS);
      pairs = context.getStateStore(PAIRS);
      erasedTargets = context.getStateStore(ERASED_TARGETS);
      erasedUsers = context.getStateStore(ERASED_USERS);
      published = context.getStateStore(PUBLISHED);
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      String[] parts = record.value().split(String.valueOf(SEPARATOR));
      String target = record.key();
      String actor = parts[0];
      byte[] score = null;
      if (erasedTargets.get(target) == null && erasedUsers.get(target) == null && erasedUsers.get(actor) == null) {
        byte[] user = counted(users.get(target), USER_BYTES);
        users.put(target, user);
        String pairKey = target + SEPARATOR + actor;
        pairs.put(pairKey, counted(pairs.get(pairKey), PAIR_BYTES));
        if (Math.floorMod(parts[1].hashCode(), 5) != 0) {
          published.put(target, Arrays.copyOf(user, PUBLISHED_BYTES));
          score = Arrays.copyOf(user, OUTPUT_BYTES);
        }
      }
      context().forward(record.withValue(score));
      processed.increment();
    }
  }

  /** {@code stored}, or a new value of {@code size} bytes, with its first byte's counter moved on. */
  private static byte[] counted(byte[] stored, int size) {
    byte[] value = stored == null ? new byte[size] : stored;
    value[0]++;
    return value;
  }
}
