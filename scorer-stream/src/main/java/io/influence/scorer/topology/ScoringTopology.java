package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import io.influence.schema.UserScore;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.Engagement;
import io.influence.scorer.serde.ActorActivitySerde;
import io.influence.scorer.serde.BinaryWriter;
import io.influence.scorer.serde.DailyActivitySerde;
import io.influence.scorer.serde.EngagementSerde;
import io.influence.scorer.serde.PairHistorySerde;
import io.influence.scorer.serde.PublishedStandingSerde;
import io.influence.scorer.serde.ScoredUserSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring pipeline: connector records → decoded events (or dead letters) → identities → the
 * actor's score → repartition by target → the target's influence → {@link UserScore}.
 *
 * <p>Partitioning: account links are a global store, so an event is resolved in whatever partition it
 * arrives. Two repartition topics follow, with as many partitions each:
 * {@value #ENGAGEMENTS_BY_ACTOR} brings an actor's engagements together to apply Klout's selectivity
 * rule and to read the actor's published score, and {@value #ENGAGEMENTS_BY_TARGET} brings them to the
 * target's partition, where the target's influence and its actor→target pair histories live. Both are
 * read by one sub-topology, since {@value #PUBLISHED_SCORES_STORE} is written on the target's side and
 * read on the actor's: a user's partition holds all there is of them, and no state holds every user. Erasure requests take a third
 * ({@value #ERASURES_BY_USER}) to the same partitions, where the user is deleted; the erasures applied
 * feed the global store {@value #ERASED_USERS_STORE}. See docs/ARCHITECTURE.md.
 */
public final class ScoringTopology {
  public static final String USER_INFLUENCE_STORE = "user-influence";
  public static final String PAIR_HISTORY_STORE = "pair-history";
  public static final String ACTOR_ACTIVITY_STORE = "actor-activity";
  public static final String SEEN_EVENTS_STORE = "seen-events";
  public static final String DECAY_DUE_STORE = "decay-due";
  public static final String ENGAGEMENTS_BY_ACTOR = "engagements-by-actor";
  public static final String ACCOUNT_LINKS_STORE = "linked-accounts";
  public static final String ERASED_USERS_STORE = "erased-users";
  public static final String ERASURES_BY_USER = "erasures-by-user";
  public static final String ERASED_TARGETS_STORE = "erased-targets";
  public static final String PUBLISHED_SCORES_STORE = "published-scores";
  public static final String DAILY_ACTIVITY_STORE = "daily-activity";
  public static final String ENGAGEMENTS_BY_TARGET = "engagements-by-target";
  public static final String DEAD_LETTER_SUFFIX = ".dlq";
  private static final int MAX_SHARED_IN_PAIR_KEY = 127;

  private final TopologySettings settings;
  private final ContractSerdes serdes;
  private final ScorerMetrics metrics;
  private final Supplier<Instant> clock;
  private final PartitionedLeaderboards leaderboards;

  /** The Avro serdes of the public contract, bound to a schema registry. */
  public record ContractSerdes(Serde<InteractionEvent> events, Serde<AccountLink> accountLinks, Serde<UserScore> scores,
      Serde<ErasureRequest> erasures) {}

  /** @param leaderboards ranks the users of the partitions this instance scores, as their scores are published */
  public ScoringTopology(TopologySettings settings, ContractSerdes serdes, ScorerMetrics metrics, Supplier<Instant> clock,
      PartitionedLeaderboards leaderboards) {
    this.settings = settings;
    this.serdes = serdes;
    this.metrics = metrics;
    this.clock = clock;
    this.leaderboards = leaderboards;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    SingleStartTasks taskStarts = new SingleStartTasks(settings.changelogs());
    // The contract topics that are not events: what of them cannot be read is set aside and counted.
    for (String topic : List.of(settings.accountLinksTopic(), settings.erasuresTopic())) {
      metrics.watchRecordsSetAside(topic, DeadLetterReason.UNDECODABLE.tag());
    }
    // Not cached: every event looks up two accounts, nearly all without a link, and a miss through the
    // record cache cost more than RocksDB's Bloom filter (about 6 % of the replay's rate, bench/RESULTS.md).
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNT_LINKS_STORE), Serdes.String(), serdes.accountLinks())
            .withLoggingDisabled(),
        settings.accountLinksTopic(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("account-links-source"),
        () -> new AccountLinksUpdater(serdes.accountLinks().deserializer(), metrics));
    // Every user forgotten, on every instance: few, and needed wherever an engagement arrives. Read from
    // the erasures applied, not the requests, since Kafka Streams lets one topic feed one source only.
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASED_USERS_STORE), Serdes.String(), Serdes.Long())
            .withLoggingDisabled(),
        TopologySettings.appliedErasuresTopic(settings.erasuresTopic()),
        Consumed.with(Serdes.String(), serdes.erasures()).withName("applied-erasures-source"),
        ErasedUsersUpdater::new);

    addKeyValueStore(builder, USER_INFLUENCE_STORE, Serdes.String(), new ScoredUserSerde());
    // Written where scores are made and read where engagements are weighed: connecting it to both puts
    // the actor's and the target's side in one sub-topology, whose tasks read the same partition of both
    // repartition topics (see ActorScoreProcessor).
    addKeyValueStore(builder, PUBLISHED_SCORES_STORE, Serdes.String(), new PublishedStandingSerde());
    // The erased users of the scoring task's own partitions, written in order with their engagements,
    // so that no engagement scored after an erasure brings the user back, whatever the global store's lag.
    addKeyValueStore(builder, ERASED_TARGETS_STORE, Serdes.String(), Serdes.Long());
    addKeyValueStore(builder, PAIR_HISTORY_STORE, Serdes.String(), new PairHistorySerde());
    addKeyValueStore(builder, ACTOR_ACTIVITY_STORE, Serdes.String(), new ActorActivitySerde());
    addKeyValueStore(builder, DECAY_DUE_STORE, Serdes.String(), Serdes.String());
    // Not cached, like the other stores: Kafka Streams' record cache made the scorer slower (bench/RESULTS.md).
    builder.addStateStore(changelogged(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(DAILY_ACTIVITY_STORE, DailyActivity.KEPT,
            Duration.ofDays(1), false),
        Serdes.String(), new DailyActivitySerde())));
    addKeyValueStore(builder, SEEN_EVENTS_STORE, Serdes.Bytes(), Serdes.Long());

    KStream<String, UserScore> scores;
    Consumed<byte[], byte[]> connectorRecords = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("interactions-source");
    Optional<String> onlyTopic = TopologySettings.literalTopic(settings.inputPattern());
    Map<String, KStream<String, Decoded>> decoded = (onlyTopic.isPresent()
        ? builder.stream(onlyTopic.get(), connectorRecords)
        : builder.stream(settings.inputPattern(), connectorRecords))
        .process(() -> new InteractionDecoder(serdes.events().deserializer(), metrics, clock, settings.timeliness()), Named.as("decode-interactions"))
        .split(Named.as("decoded-"))
        .branch((key, value) -> value instanceof Decoded.Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));

    decoded.get("decoded-rejected")
        .map((key, value) -> {
          Decoded.Rejected rejected = (Decoded.Rejected) value;
          return KeyValue.pair(rejected.originalKey(), rejected.originalValue());
        }, Named.as("dead-letter-bytes"))
        .to(deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));

    scores = decoded.get("decoded-accepted")
        .mapValues(value -> ((Decoded.Accepted) value).event(), Named.as("accepted-events"))
        .processValues(() -> new IdentityResolver(settings.topics()), Named.as("resolve-identities"))
        .selectKey((eventId, engagement) -> engagement.actorId(), Named.as("key-by-actor"))
        .repartition(Repartitioned.with(Serdes.String(), new EngagementSerde())
            .withName(ENGAGEMENTS_BY_ACTOR).withNumberOfPartitions(settings.partitions()))
        .processValues(() -> new DeduplicationProcessor(settings.deduplicationWindow(), metrics),
            Named.as("drop-duplicates"), SEEN_EVENTS_STORE)
        .processValues(() -> new ActorSelectivityProcessor(settings.parameters().selectivityFreeActions(),
                settings.timeliness().grace(), metrics),
            Named.as("actor-selectivity"), ACTOR_ACTIVITY_STORE)
        .processValues(() -> new ActorScoreProcessor(settings.parameters().actorWeighting()), Named.as("actor-score"),
            PUBLISHED_SCORES_STORE)
        .selectKey((actorId, engagement) -> engagement.targetId(), Named.as("key-by-target"))
        .repartition(Repartitioned.with(Serdes.String(), new EngagementSerde())
            .withName(ENGAGEMENTS_BY_TARGET).withNumberOfPartitions(settings.partitions()))
        .process(() -> new ScoringProcessor(settings.parameters(), settings.minScoreChange(), settings.decay(),
                settings.timeliness().grace(), metrics, taskStarts),
            Named.as("score-targets"), USER_INFLUENCE_STORE, PAIR_HISTORY_STORE, DECAY_DUE_STORE,
            DAILY_ACTIVITY_STORE, ERASED_TARGETS_STORE);

    // Erasures reach the partition that scores the user, through a topic partitioned as the engagements
    // are; once applied there they are recorded for every instance (the erased-users global store).
    KStream<String, ErasureRequest> applied = builder
        .stream(settings.erasuresTopic(), Consumed.with(Serdes.String(), serdes.erasures()).withName("erasure-requests"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.erasures())
            .withName(ERASURES_BY_USER).withNumberOfPartitions(settings.partitions()))
        .process(() -> new ErasureProcessor(metrics), Named.as("erase-users"),
            USER_INFLUENCE_STORE, PAIR_HISTORY_STORE, DECAY_DUE_STORE, DAILY_ACTIVITY_STORE, ERASED_TARGETS_STORE);
    applied.to(TopologySettings.appliedErasuresTopic(settings.erasuresTopic()),
        Produced.with(Serdes.String(), serdes.erasures()).withName("applied-erasures-sink"));
    KStream<String, UserScore> tombstones = applied.filter((userId, request) -> request != null, Named.as("erasures-not-withdrawn"))
        .mapValues(request -> (UserScore) null, Named.as("erasure-tombstones"));

    scores.merge(tombstones, Named.as("scores-and-tombstones"))
        .processValues(() -> new PublishedScoresRecorder(leaderboards), Named.as("record-published-scores"), PUBLISHED_SCORES_STORE)
        .to(settings.outputTopic(), Produced.with(Serdes.String(), serdes.scores()).withName("scores-sink"));

    return builder.build();
  }

  /** A key-value store of the tasks, in RocksDB, with its changelog topic unless the settings drop changelogs. */
  private <K, V> void addKeyValueStore(StreamsBuilder builder, String name, Serde<K> keys, Serde<V> values) {
    builder.addStateStore(changelogged(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)));
  }

  /** {@code store}, without its changelog topic unless the settings keep changelogs ({@link SingleStartTasks}). */
  private <S extends StateStore> StoreBuilder<S> changelogged(StoreBuilder<S> store) {
    return settings.changelogs() ? store : store.withLoggingDisabled();
  }

  private static TopicNameExtractor<byte[], byte[]> deadLetterTopic() {
    return (key, value, recordContext) -> TopologySettings.deadLetterTopic(recordContext.topic());
  }

  /**
   * The pair-history key of an actor→target pair: the target, whose partition holds it, then the actor
   * less the chars it starts with in common with the target (usually {@code <network>:}), after their
   * count (at most {@value #MAX_SHARED_IN_PAIR_KEY}, so one byte in UTF-8). Nothing reads the actor back
   * from the key: it only has to be one per pair, and the target, the count and the rest give the actor.
   */
  static String pairKey(String targetId, String actorId) {
    int shared = Math.min(BinaryWriter.sharedPrefixLength(targetId, actorId), MAX_SHARED_IN_PAIR_KEY);
    return targetId + '\u0000' + (char) shared + actorId.substring(shared);
  }
}
