package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.influence.schema.AccountLink;
import io.influence.schema.ErasureRequest;
import io.influence.schema.CauseKind;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.schema.UserScore;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.leaderboard.Leaderboards;
import io.influence.scorer.leaderboard.PartitionedLeaderboards;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.EngagementType;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.ScoredUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  /** The wall clock the decoder sees; later than every event the tests send, so none is from the future. */
  private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

  private final ContractSerdesForTests serdes = new ContractSerdesForTests();
  private final ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
  private final PartitionedLeaderboards leaderboards = new PartitionedLeaderboards();
  private TopologyTestDriver driver;
  private TestInputTopic<String, InteractionEvent> twitter;
  private TestInputTopic<byte[], byte[]> twitterRaw;
  private TestInputTopic<String, AccountLink> links;
  private TestOutputTopic<String, UserScore> scores;
  private TestOutputTopic<byte[], byte[]> twitterDeadLetters;
  private TestInputTopic<String, ErasureRequest> erasures;

  /** Its own state directory: the default, /tmp/kafka-streams, is shared by every test run on the machine. */
  @TempDir
  Path stateDirectory;

  @BeforeEach
  void startDriver() {
    startDriver(ScorerConfig.defaults());
  }

  private void startDriver(ScorerConfig config) {
    ScoringTopology topology = new ScoringTopology(TopologySettings.from(config), serdes.contract(), metrics, () -> NOW, leaderboards);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringDeserializationHandler.class);
    props.put(DeadLetteringDeserializationHandler.METRICS_CONFIG, metrics);
    driver = new TopologyTestDriver(topology.build(), props, T0);
    twitter = driver.createInputTopic("interactions.twitter", new StringSerializer(), serdes.contract().events().serializer());
    twitterRaw = driver.createInputTopic("interactions.twitter", new ByteArraySerializer(), new ByteArraySerializer());
    links = driver.createInputTopic("account-links", new StringSerializer(), serdes.contract().accountLinks().serializer());
    erasures = driver.createInputTopic("influence-erasures", new StringSerializer(), serdes.contract().erasures().serializer());
    scores = driver.createOutputTopic("influence-scores", new StringDeserializer(), serdes.contract().scores().deserializer());
    twitterDeadLetters = driver.createOutputTopic("interactions.twitter.dlq", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static InteractionEvent event(String id, InteractionType type, String actor, String target, Instant at, String... topics) {
    return InteractionEvent.newBuilder()
        .setEventId(id).setNetwork("Twitter").setType(type)
        .setActorAccount(actor).setTargetAccount(target)
        .setTopics(List.of(topics)).setOccurredAt(at)
        .build();
  }

  /** Keyed by the actor's account, as connectors key records. */
  private void send(InteractionEvent event) {
    twitter.pipeInput("twitter:" + event.getActorAccount(), event, event.getOccurredAt());
  }

  @Test
  void withoutChangelogsTheSameScoresArePublishedAndNoStoreWritesAChangelog() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    double withChangelogs = scores.readValue().getScore();
    assertThat(driver.producedTopicNames()).contains("scoring-topology-test-user-influence-changelog");
    driver.close();

    startDriver(ScorerConfig.defaults().with(Map.of("state.changelogs", "false")));
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));

    assertThat(scores.readValue().getScore()).isEqualTo(withChangelogs);
    assertThat(driver.producedTopicNames()).isNotEmpty().noneMatch(topic -> topic.endsWith("-changelog"));
  }

  @Test
  void aShareReceivedPublishesTheTargetsScoreKeyedByUserId() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0, "#Cooking"));

    TestRecord<String, UserScore> record = scores.readRecord();
    assertThat(record.key()).isEqualTo("twitter:bob");
    UserScore score = record.value();
    assertThat(score.getScore()).isGreaterThan(1.0).isLessThanOrEqualTo(100.0);
    assertThat(score.getPreviousScore()).isNull();
    assertThat(score.getTopics()).extracting(t -> t.getTopic()).containsExactly("cooking");
    assertThat(score.getNetworks()).extracting(n -> n.getNetwork()).containsExactly("twitter");
    assertThat(score.getUpdatedAt()).isEqualTo(T0);
    assertThat(score.getCause().getKind()).isEqualTo(CauseKind.EVENT);
    assertThat(score.getCause().getEventId()).isEqualTo("e1");
    assertThat(score.getCause().getActorId()).isEqualTo("twitter:alice");
  }

  @Test
  void moreSharesRaiseTheScoreAndEachUpdateNamesThePreviousScore() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    send(event("e2", InteractionType.SHARE, "carol", "bob", T0.plusSeconds(60)));

    List<UserScore> updates = scores.readValuesToList();
    assertThat(updates).hasSize(2);
    assertThat(updates.get(1).getScore()).isGreaterThan(updates.get(0).getScore());
    assertThat(updates.get(1).getPreviousScore()).isEqualTo(updates.get(0).getScore());
  }

  @Test
  void olderContributionsHaveDecayedWhenTheNextEventArrives() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    double first = scores.readValue().getCause().getContribution();
    send(event("e2", InteractionType.SHARE, "carol", "bob", T0.plus(java.time.Duration.ofDays(180))));
    UserScore second = scores.readValue();
    double added = second.getCause().getContribution();
    // One standing half-life later: half of the first share and the whole second one; the momentum forgot the first.
    InfluenceParameters parameters = InfluenceParameters.defaults();
    double momentumLeft = parameters.momentum().halfLife().decayOver(java.time.Duration.ofDays(180).toMillis());
    assertThat(second.getInfluence())
        .isCloseTo(parameters.influence(first * 0.5 + added, first * momentumLeft + added), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aRepeatActorCountsLessAndAsNewOnceThePairsCountHasDecayedAway() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    double fresh = scores.readValue().getCause().getContribution();
    send(event("e2", InteractionType.SHARE, "alice", "bob", T0.plus(java.time.Duration.ofDays(1))));
    assertThat(scores.readValue().getCause().getContribution()).isLessThan(fresh * 0.7);

    send(event("e3", InteractionType.SHARE, "alice", "bob", T0.plus(java.time.Duration.ofDays(60))));
    assertThat(lastEventUpdate().getCause().getContribution()).isCloseTo(fresh, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** The latest update caused by an event, skipping the decay updates published before it. */
  private UserScore lastEventUpdate() {
    List<UserScore> updates = scores.readValuesToList();
    assertThat(updates).isNotEmpty();
    UserScore last = updates.get(updates.size() - 1);
    assertThat(last.getCause().getKind()).isEqualTo(CauseKind.EVENT);
    return last;
  }

  @Test
  void anActorsDailyCountIsDeletedOnceItsDayAndTheGraceAreOverAndNotBefore() {
    send(event("e1", InteractionType.LIKE, "alice", "bob", T0));
    send(event("e2", InteractionType.LIKE, "carol", "dave", T0.plus(java.time.Duration.ofHours(30))));
    sweepIdleStores();
    // alice's day ended 16 hours ago: a late like of hers may still arrive within the 24-hour grace
    assertThat(keys(ScoringTopology.ACTOR_ACTIVITY_STORE)).containsExactlyInAnyOrder("twitter:alice", "twitter:carol");

    send(event("e3", InteractionType.LIKE, "carol", "dave", T0.plus(java.time.Duration.ofHours(50))));
    sweepIdleStores();
    assertThat(keys(ScoringTopology.ACTOR_ACTIVITY_STORE)).containsExactly("twitter:carol");
    assertThat(swept(ScoringTopology.ACTOR_ACTIVITY_STORE)).isEqualTo(1.0);
  }

  @Test
  void aPairsHistoryIsDeletedOnceItsCountHasDecayedAwayAndAnActivePairIsKept() {
    // A pair's single engagement decays below a hundredth after log2(100) pair half-lives, 46.5 days; the
    // store keeps it the grace and the partitions' skew allowance longer, 91 days: until day 137.5.
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    send(event("e2", InteractionType.SHARE, "carol", "bob", T0));
    send(event("e3", InteractionType.SHARE, "carol", "bob", T0.plus(java.time.Duration.ofDays(30))));
    sweepIdleStores();
    assertThat(keys(ScoringTopology.PAIR_HISTORY_STORE)).hasSize(2);

    send(event("e4", InteractionType.SHARE, "erin", "frank", T0.plus(java.time.Duration.ofDays(140))));
    sweepIdleStores();
    assertThat(keys(ScoringTopology.PAIR_HISTORY_STORE))
        .containsExactlyInAnyOrder(ScoringTopology.pairKey("twitter:bob", "twitter:carol"), ScoringTopology.pairKey("twitter:frank", "twitter:erin"));
    assertThat(swept(ScoringTopology.PAIR_HISTORY_STORE)).isEqualTo(1.0);
  }

  @Test
  void aReplayOfOldDataEmptiesTheStoresAsItsEventTimeMovesOnWithoutWaitingForTheWallClock() {
    Instant july2012 = Instant.parse("2012-07-01T00:00:00Z");
    int fans = ExpiringStore.WRITES_PER_SWEEP - 1;
    for (int i = 0; i < fans; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "higgs", july2012.plusSeconds(i)));
    }
    assertThat(keys(ScoringTopology.PAIR_HISTORY_STORE)).hasSize(fans);
    assertThat(keys(ScoringTopology.ACTOR_ACTIVITY_STORE)).hasSize(fans);
    assertThat(entries(ScoringTopology.SEEN_EVENTS_STORE)).isEqualTo(fans);

    // the next write to each store is the one that triggers its sweep, in stream time, with no wall-clock punctuation
    send(event("later", InteractionType.SHARE, "someone", "other", july2012.plus(java.time.Duration.ofDays(150))));
    assertThat(keys(ScoringTopology.PAIR_HISTORY_STORE)).containsExactly(ScoringTopology.pairKey("twitter:other", "twitter:someone"));
    assertThat(keys(ScoringTopology.ACTOR_ACTIVITY_STORE)).containsExactly("twitter:someone");
    assertThat(swept(ScoringTopology.PAIR_HISTORY_STORE)).isEqualTo(fans);
    assertThat(swept(ScoringTopology.ACTOR_ACTIVITY_STORE)).isEqualTo(fans);
    assertThat(entries(ScoringTopology.SEEN_EVENTS_STORE)).isEqualTo(1);
    assertThat(swept(ScoringTopology.SEEN_EVENTS_STORE)).isEqualTo(fans);
  }

  @Test
  void anErasedUserIsDeletedFromEveryStoreOfTheirPartitionAndTombstonedOnTheOutput() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0, "#Cooking"));
    send(event("e2", InteractionType.MENTION, "carol", "bob", T0.plusSeconds(60)));
    send(event("e3", InteractionType.REPLY, "bob", "dave", T0.plusSeconds(120)));
    scores.readRecordsToList();

    erase("twitter:bob");

    TestRecord<String, UserScore> tombstone = scores.readRecord();
    assertThat(tombstone.key()).isEqualTo("twitter:bob");
    assertThat(tombstone.value()).isNull();
    assertThat(keys(ScoringTopology.USER_INFLUENCE_STORE)).doesNotContain("twitter:bob").contains("twitter:dave");
    assertThat(keys(ScoringTopology.PAIR_HISTORY_STORE)).noneMatch(key -> key.startsWith("twitter:bob\u0000"));
    try (var due = driver.<String, String>getKeyValueStore(ScoringTopology.DECAY_DUE_STORE).all()) {
      assertThat(due).toIterable().extracting(entry -> entry.value).doesNotContain("twitter:bob").contains("twitter:dave");
    }
    WindowStore<String, DailyActivity> days = driver.getWindowStore(ScoringTopology.DAILY_ACTIVITY_STORE);
    try (var history = days.fetch("twitter:bob", Instant.EPOCH, NOW)) {
      assertThat(history.hasNext()).isFalse();
    }
    assertThat(leaderboards.top(10).leaders()).extracting(Leaderboards.Leader::userId).doesNotContain("twitter:bob");
  }

  @Test
  void afterAnErasureWhatTheUserReceivesOrDoesNoLongerCounts() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    scores.readRecordsToList();
    erase("twitter:bob");
    scores.readRecordsToList();

    send(event("e2", InteractionType.SHARE, "carol", "bob", T0.plusSeconds(60)));
    send(event("e3", InteractionType.SHARE, "bob", "dave", T0.plusSeconds(120)));

    assertThat(scores.isEmpty()).isTrue();
    assertThat(keys(ScoringTopology.USER_INFLUENCE_STORE)).doesNotContain("twitter:bob", "twitter:dave");
    assertThat(metrics.registry().get(ScorerMetrics.EVENT_OUTCOMES.replace('_', '.')).tag("reason", ScorerMetrics.ERASED_USER).counter().count())
        .isEqualTo(2);
  }

  @Test
  void aWithdrawnErasureLetsTheUserBeScoredAgainFromNothing() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    erase("twitter:bob");
    erasures.pipeInput("twitter:bob", null, T0.plusSeconds(30));
    scores.readRecordsToList();

    send(event("e2", InteractionType.SHARE, "carol", "bob", T0.plusSeconds(60)));

    TestRecord<String, UserScore> rescored = scores.readRecord();
    assertThat(rescored.key()).isEqualTo("twitter:bob");
    assertThat(rescored.value().getPreviousScore()).isNull();
  }

  private void erase(String userId) {
    erasures.pipeInput(userId, ErasureRequest.newBuilder().setUserId(userId).setRequestedAt(T0.plusSeconds(10))
        .setReason("user request").build(), T0.plusSeconds(10));
  }

  /** Fires the wall-clock sweep that cleans stores whose writes are too few to trigger one. */
  private void sweepIdleStores() {
    driver.advanceWallClockTime(ExpiringStore.IDLE_SWEEP_INTERVAL);
  }

  private List<String> keys(String store) {
    List<String> keys = new java.util.ArrayList<>();
    try (var entries = driver.<String, Object>getKeyValueStore(store).all()) {
      entries.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }

  private int entries(String store) {
    int entries = 0;
    try (var all = driver.<Object, Object>getKeyValueStore(store).all()) {
      for (; all.hasNext(); all.next()) {
        entries++;
      }
    }
    return entries;
  }

  private double swept(String store) {
    return metrics.registry().get(ScorerMetrics.STATE_ENTRIES_SWEPT).tag("store", store).counter().count();
  }

  @Test
  void aRedeliveredEventCountsOnceAndIsCountedAsADuplicate() {
    InteractionEvent share = event("e1", InteractionType.SHARE, "alice", "bob", T0);
    send(share);
    send(share);
    send(event("e2", InteractionType.SHARE, "carol", "bob", T0.plusSeconds(5)));
    assertThat(scores.readValuesToList()).extracting(score -> score.getCause().getEventId()).containsExactly("e1", "e2");
    assertThat(metrics.outcomes(EventOutcome.DUPLICATE)).isEqualTo(1.0);
  }

  @Test
  void anIdDeliveredAgainMoreThanTheDeduplicationWindowLaterCountsAsANewEvent() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0.plus(java.time.Duration.ofDays(8))));
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0.plus(java.time.Duration.ofDays(9))));

    assertThat(scores.readValuesToList()).hasSize(2);
    assertThat(metrics.outcomes(EventOutcome.DUPLICATE)).isEqualTo(1.0);
  }

  @Test
  void withoutEngagementALiveScoreFallsAndIsPublishedWithCauseDecay() {
    for (int i = 0; i < 200; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "star", T0));
    }
    UserScore last = scores.readKeyValuesToMap().get("twitter:star");
    driver.advanceWallClockTime(java.time.Duration.ofDays(30));

    UserScore decayed = scores.readValue();
    assertThat(decayed.getUserId()).isEqualTo("twitter:star");
    assertThat(decayed.getCause().getKind()).isEqualTo(CauseKind.DECAY);
    assertThat(decayed.getScore()).isLessThanOrEqualTo(last.getScore() - 0.5);
    assertThat(decayed.getPreviousScore()).isEqualTo(last.getScore());
    assertThat(decayed.getUpdatedAt()).isEqualTo(T0.plus(java.time.Duration.ofDays(30)));
  }

  @Test
  void aReplayOfOldDataDecaysThroughEventTimeNotToToday() {
    Instant july2012 = Instant.parse("2012-07-01T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "higgs", july2012));
    }
    UserScore last = scores.readKeyValuesToMap().get("twitter:higgs");
    Instant august2012 = july2012.plus(java.time.Duration.ofDays(30));
    send(event("later", InteractionType.SHARE, "someone", "other", august2012));

    Map<String, UserScore> updates = scores.readKeyValuesToMap();
    UserScore decayed = updates.get("twitter:higgs");
    assertThat(decayed.getCause().getKind()).isEqualTo(CauseKind.DECAY);
    assertThat(decayed.getScore()).isLessThan(last.getScore());
    assertThat(decayed.getUpdatedAt()).isAfter(july2012).isBeforeOrEqualTo(august2012);
  }

  @Test
  void eachDayKeepsTheUsersEngagementByTypeAndTheLastScorePublishedThatDay() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0, "#Cooking"));
    send(event("e2", InteractionType.MENTION, "carol", "bob", T0.plus(java.time.Duration.ofHours(1))));
    send(event("e3", InteractionType.SHARE, "dave", "bob", T0.plus(java.time.Duration.ofDays(1))));
    List<UserScore> published = scores.readValuesToList();

    DailyActivity first = storedDay("twitter:bob", DailyActivity.dayIndexOf(T0.toEpochMilli()));
    assertThat(first.counts()).isEqualTo(Map.of(EngagementType.SHARE, 1L, EngagementType.MENTION, 1L));
    assertThat(first.influenceByTopic()).containsOnlyKeys("cooking");
    assertThat(first.score()).isEqualTo(published.get(1).getScore());
    DailyActivity second = currentDay("twitter:bob");
    assertThat(second.dayIndex()).isEqualTo(first.dayIndex() + 1);
    assertThat(second.counts()).isEqualTo(Map.of(EngagementType.SHARE, 1L));
    assertThat(second.score()).isEqualTo(published.get(2).getScore());
  }

  @Test
  void theDayInProgressStaysInTheUsersRecordUntilALaterDayBeginsAndALateEventJoinsItsStoredDay() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    send(event("e2", InteractionType.MENTION, "carol", "bob", T0.plus(java.time.Duration.ofHours(1))));
    long firstDay = DailyActivity.dayIndexOf(T0.toEpochMilli());
    assertThat(storedDay("twitter:bob", firstDay)).isNull();
    assertThat(currentDay("twitter:bob").counts()).isEqualTo(Map.of(EngagementType.SHARE, 1L, EngagementType.MENTION, 1L));

    send(event("e3", InteractionType.SHARE, "dave", "bob", T0.plus(java.time.Duration.ofDays(1))));
    send(event("e4", InteractionType.REPLY, "erin", "bob", T0.plus(java.time.Duration.ofHours(2))));

    assertThat(storedDay("twitter:bob", firstDay).counts())
        .isEqualTo(Map.of(EngagementType.SHARE, 1L, EngagementType.MENTION, 1L, EngagementType.REPLY, 1L));
    assertThat(currentDay("twitter:bob").dayIndex()).isEqualTo(firstDay + 1);
    assertThat(currentDay("twitter:bob").counts()).isEqualTo(Map.of(EngagementType.SHARE, 1L));
    assertThat(storedDay("twitter:bob", firstDay + 1)).isNull();
  }

  private DailyActivity storedDay(String userId, long dayIndex) {
    WindowStore<String, DailyActivity> days = driver.getWindowStore(ScoringTopology.DAILY_ACTIVITY_STORE);
    return days.fetch(userId, dayIndex * DailyActivity.MILLIS_PER_DAY);
  }

  private DailyActivity currentDay(String userId) {
    return driver.<String, ScoredUser>getKeyValueStore(ScoringTopology.USER_INFLUENCE_STORE).get(userId).currentDay();
  }

  @Test
  void theLeaderboardsRankEveryScorePublishedOnTheOutputTopic() {
    for (int i = 0; i < 30; i++) {
      send(event("e" + i, InteractionType.SHARE, "fan" + i, "star" + (i % 4), T0.plusSeconds(i), i % 2 == 0 ? "cooking" : "travel"));
    }
    Map<String, UserScore> latest = scores.readKeyValuesToMap();

    List<String> bruteForce = latest.values().stream()
        .sorted(java.util.Comparator.comparingDouble(UserScore::getScore).reversed().thenComparing(UserScore::getUserId))
        .map(UserScore::getUserId).toList();
    assertThat(leaderboards.top(10).leaders()).extracting(Leaderboards.Leader::userId).isEqualTo(bruteForce);
    assertThat(leaderboards.top("cooking", 10).leaders()).extracting(Leaderboards.Leader::userId)
        .containsExactlyInAnyOrder("twitter:star0", "twitter:star2");
  }

  @Test
  void anEventStampedInTheFutureIsADeadLetter() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", NOW.plus(java.time.Duration.ofHours(1))));
    assertThat(header(twitterDeadLetters.readRecord().headers(), DeadLetterHeaders.REASON)).isEqualTo("future");
  }

  @Test
  void anEventWithinTheGraceIsScoredAndALaterOneIsALateDeadLetter() {
    send(event("now", InteractionType.SHARE, "alice", "bob", T0.plus(java.time.Duration.ofDays(2))));
    send(event("within-grace", InteractionType.SHARE, "carol", "bob", T0.plus(java.time.Duration.ofDays(1))));
    send(event("beyond-grace", InteractionType.SHARE, "dave", "bob", T0));
    send(event("long-before", InteractionType.SHARE, "erin", "bob", T0.minus(java.time.Duration.ofDays(90))));

    assertThat(scores.readValuesToList()).extracting(score -> score.getCause().getEventId()).containsExactly("now", "within-grace");
    List<String> reasons = twitterDeadLetters.readRecordsToList().stream()
        .map(record -> header(record.headers(), DeadLetterHeaders.REASON)).toList();
    assertThat(reasons).containsExactly("late", "late");
  }

  @Test
  void aSelfInteractionIsIgnoredAndCounted() {
    send(event("e1", InteractionType.SHARE, "bob", "bob", T0));
    assertThat(scores.isEmpty()).isTrue();
    assertThat(metrics.outcomes(EventOutcome.IGNORED)).isEqualTo(1.0);
  }

  @Test
  void aLinkedAccountScoresAsItsPerson() {
    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-42", T0), T0);
    send(event("e1", InteractionType.MENTION, "alice", "bob", T0));
    assertThat(scores.readRecord().key()).isEqualTo("person-42");
  }

  @Test
  void aPersonsAccountsAreListedFromTheLinksIndexAsTheyAreLinkedMovedAndUnlinked() {
    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-42", T0), T0);
    links.pipeInput("bluesky:did:plc:bob", new AccountLink("bluesky", "did:plc:bob", "person-42", T0), T0);
    links.pipeInput("twitter:carol", new AccountLink("twitter", "carol", "person-4", T0), T0);
    assertThat(accountsOf("person-42")).containsExactly("bluesky:did:plc:bob", "twitter:bob");
    assertThat(accountsOf("person-4")).as("a person whose id begins another's").containsExactly("twitter:carol");

    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-7", T0), T0.plusSeconds(1));
    links.pipeInput("bluesky:did:plc:bob", null, T0.plusSeconds(2));
    assertThat(accountsOf("person-42")).isEmpty();
    assertThat(accountsOf("person-7")).containsExactly("twitter:bob");
    try (var entries = driver.<String, AccountLink>getKeyValueStore(ScoringTopology.ACCOUNT_LINKS_STORE).all()) {
      assertThat(entries).toIterable().as("each link and its index entry, nothing left of those moved or unlinked").hasSize(4);
    }
  }

  @Test
  void anUnreadableLinkIsCountedAndLeftAsideAndTheAccountKeepsItsLink() {
    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-42", T0), T0);
    driver.createInputTopic("account-links", new StringSerializer(), new ByteArraySerializer())
        .pipeInput("twitter:bob", "not avro".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(1));

    assertThat(metrics.recordsSetAside("account-links")).isEqualTo(1);
    assertThat(accountsOf("person-42")).containsExactly("twitter:bob");
    send(event("e1", InteractionType.MENTION, "alice", "bob", T0.plusSeconds(2)));
    assertThat(scores.readRecord().key()).isEqualTo("person-42");
  }

  @Test
  void anAccountNamedLikeAnIndexEntryIsNotTakenForTheLinkedPersonNorLinkedOverIt() {
    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-42", T0), T0);
    links.pipeInput("\u0000person-42\u0000twitter:bob", new AccountLink("twitter", "bob", "mallory", T0), T0);
    assertThat(accountsOf("person-42")).containsExactly("twitter:bob");
    assertThat(metrics.recordsSetAside("account-links")).isEqualTo(1);

    InteractionEvent forged = InteractionEvent.newBuilder(event("e1", InteractionType.MENTION, "alice", "bob", T0))
        .setNetwork("\u0000person-42\u0000twitter").build();
    twitter.pipeInput("twitter:alice", forged, T0);
    assertThat(scores.readRecord().key()).isNotEqualTo("person-42");
  }

  private List<String> accountsOf(String personId) {
    return Identities.linksOf(driver.getKeyValueStore(ScoringTopology.ACCOUNT_LINKS_STORE), personId).stream()
        .map(link -> Identities.accountKey(link.getNetwork(), link.getAccount()))
        .toList();
  }

  @Test
  void aLateLinkAppliesToLaterEventsOnlyAndTheAccountKeepsItsHistoryWhichDecaysAway() {
    for (int i = 0; i < 200; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "bob", T0));
    }
    UserScore account = scores.readKeyValuesToMap().get("twitter:bob");

    links.pipeInput("twitter:bob", new AccountLink("twitter", "bob", "person-42", T0), T0.plusSeconds(60));
    send(event("after-link", InteractionType.SHARE, "alice", "bob", T0.plusSeconds(120)));
    TestRecord<String, UserScore> person = scores.readRecord();
    assertThat(person.key()).isEqualTo("person-42");
    assertThat(person.value().getPreviousScore()).as("the person starts without the account's history").isNull();
    assertThat(person.value().getScore()).isLessThan(account.getScore());
    assertThat(scores.isEmpty()).isTrue();

    driver.advanceWallClockTime(java.time.Duration.ofDays(30));
    Map<String, UserScore> decayed = scores.readKeyValuesToMap();
    assertThat(decayed.get("twitter:bob").getCause().getKind()).isEqualTo(CauseKind.DECAY);
    assertThat(decayed.get("twitter:bob").getScore()).isLessThan(account.getScore());
  }

  @Test
  void anActorLinkedLateIsWeighedAsTheAccountBeforeTheLinkAndAsThePersonAfter() {
    send(event("before-link", InteractionType.MENTION, "alice", "bob", T0));
    assertThat(scores.readValue().getCause().getActorId()).isEqualTo("twitter:alice");

    links.pipeInput("twitter:alice", new AccountLink("twitter", "alice", "person-7", T0), T0.plusSeconds(60));
    send(event("after-link", InteractionType.MENTION, "alice", "bob", T0.plusSeconds(120)));
    assertThat(scores.readValue().getCause().getActorId()).isEqualTo("person-7");
  }

  @Test
  void anActorsLikesBeyondTheFreeOnesOfADayCountLessAndALinkStartsThePersonsCountAfresh() {
    for (int i = 1; i <= 6; i++) {
      send(event("like" + i, InteractionType.LIKE, "alice", "target" + i, T0.plusSeconds(i)));
    }
    List<Double> contributions = scores.readValuesToList().stream().map(score -> score.getCause().getContribution()).toList();
    double free = contributions.get(0);
    assertThat(contributions.subList(0, 5)).allSatisfy(contribution -> assertThat(contribution).isCloseTo(free, within(1e-12)));
    assertThat(contributions.get(5)).isCloseTo(free * Math.pow(5.0 / 6, 2), within(1e-12));

    // selectivity counts the actor's user id: once linked, the person's day starts with nothing counted
    links.pipeInput("twitter:alice", new AccountLink("twitter", "alice", "person-7", T0), T0.plusSeconds(60));
    send(event("like7", InteractionType.LIKE, "alice", "target7", T0.plusSeconds(120)));
    UserScore seventh = scores.readValue();
    assertThat(seventh.getCause().getActorId()).isEqualTo("person-7");
    assertThat(seventh.getCause().getContribution()).isCloseTo(free, within(1e-12));
  }

  @Test
  void anInfluentialActorLiftsTheTargetMoreThanANewcomerFromTheNextDayOn() {
    for (int i = 0; i < 200; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "star", T0));
    }
    Instant nextDay = T0.plus(java.time.Duration.ofDays(1));
    send(event("from-star", InteractionType.MENTION, "star", "dana", nextDay));
    send(event("from-nobody", InteractionType.MENTION, "nobody", "erin", nextDay));
    Map<String, UserScore> latest = scores.readKeyValuesToMap();
    assertThat(latest.get("twitter:dana").getScore()).isGreaterThan(latest.get("twitter:erin").getScore());
  }

  @Test
  void garbageGoesToTheDeadLetterTopicWithItsBytesAndReason() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    twitterRaw.pipeInput("k".getBytes(StandardCharsets.UTF_8), garbage, T0);

    TestRecord<byte[], byte[]> deadLetter = twitterDeadLetters.readRecord();
    assertThat(deadLetter.value()).isEqualTo(garbage);
    Headers headers = deadLetter.headers();
    assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("undecodable");
    assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("interactions.twitter");
    assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(headers, DeadLetterHeaders.REJECTED_AT)).isEqualTo(NOW.toString());
    assertThat(metrics.outcomes(EventOutcome.DLQ)).isEqualTo(1.0);
    assertThat(scores.isEmpty()).isTrue();
  }

  @Test
  void anUnreadableErasureRequestGoesToItsDeadLetterTopicAndTheNextOneIsApplied() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    scores.readRecordsToList();
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    driver.createInputTopic("influence-erasures", new StringSerializer(), new ByteArraySerializer()).pipeInput("twitter:bob", garbage, T0);

    TestRecord<byte[], byte[]> deadLetter = driver.createOutputTopic("influence-erasures.dlq",
        Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()).readRecord();
    assertThat(deadLetter.value()).isEqualTo(garbage);
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.REASON)).isEqualTo("undecodable");
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("influence-erasures");
    assertThat(metrics.recordsSetAside("influence-erasures")).isEqualTo(1);
    assertThat(scores.isEmpty()).isTrue();

    erase("twitter:bob");
    assertThat(scores.readRecord().value()).as("the tombstone of the request after it").isNull();
  }

  @Test
  void aShareWithoutATargetIsADeadLetter() {
    send(event("e1", InteractionType.SHARE, "alice", null, T0));
    assertThat(header(twitterDeadLetters.readRecord().headers(), DeadLetterHeaders.REASON)).isEqualTo("missing-target");
  }

  @Test
  void anEventWithoutAnActorIsAMissingActorDeadLetter() {
    send(event("e1", InteractionType.LIKE, "", "bob", T0));
    assertThat(header(twitterDeadLetters.readRecord().headers(), DeadLetterHeaders.REASON)).isEqualTo("missing-actor");
  }

  @Test
  void aTypeThisReleaseDoesNotKnowIsAnUnknownTypeDeadLetter() {
    send(event("e1", InteractionType.UNKNOWN, "alice", "bob", T0));
    assertThat(header(twitterDeadLetters.readRecord().headers(), DeadLetterHeaders.REASON)).isEqualTo("unknown-type");
  }

  @Test
  void aChangeOfLessThanAHundredthOfAPointIsNotPublishedUnlessTheTopicsChange() {
    for (int i = 0; i < 500; i++) {
      send(event("fan" + i, InteractionType.SHARE, "fan" + i, "star", T0.plusSeconds(i)));
    }
    UserScore before = scores.readKeyValuesToMap().get("twitter:star");

    send(event("like", InteractionType.LIKE, "newcomer", "star", T0.plusSeconds(600)));
    assertThat(scores.isEmpty()).as("a like moves a score of %.2f by less than 0.01", before.getScore()).isTrue();

    send(event("tagged-like", InteractionType.LIKE, "other", "star", T0.plusSeconds(601), "knitting"));
    UserScore after = scores.readValue();
    assertThat(after.getScore() - before.getScore()).isLessThan(0.01 * 2);
    assertThat(after.getTopics()).extracting(t -> t.getTopic()).containsExactly("knitting");
  }

  @Test
  void everyConsumedEventEndsInExactlyOneOutcome() {
    send(event("e1", InteractionType.SHARE, "alice", "bob", T0));
    send(event("e2", InteractionType.SHARE, "bob", "bob", T0));
    send(event("e3", InteractionType.POST, "bob", null, T0, "travel"));
    send(event("e4", InteractionType.LIKE, "", "bob", T0));
    twitterRaw.pipeInput(new byte[] {1}, new byte[] {0, 0, 0}, T0);

    double outcomes = 0;
    for (EventOutcome outcome : EventOutcome.values()) {
      outcomes += metrics.outcomes(outcome);
    }
    assertThat(metrics.eventsConsumed()).isEqualTo(5.0);
    assertThat(outcomes).isEqualTo(5.0);
    assertThat(metrics.outcomes(EventOutcome.SCORED)).isEqualTo(1.0);
    assertThat(metrics.outcomes(EventOutcome.IGNORED)).isEqualTo(2.0);
    assertThat(metrics.outcomes(EventOutcome.DLQ)).isEqualTo(2.0);
  }

  private static String header(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
