package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.embedded.BrokerWithAdmin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each test publishes to networks of its own, so that the tests share one broker without meeting. */
class InteractionPublisherIT {
  private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(20);

  @RegisterExtension
  static final BrokerWithAdmin kafka = new BrokerWithAdmin();

  @TempDir Path directory;

  @Test
  void aReplayCreatesTopicsAsConfiguredAndPublishesEachEventKeyedByActorAndStampedWhenItOccurred() throws Exception {
    Path file = TestFiles.plain(directory, "events.jsonl",
        event("m1", "mastodon", "SHARE", "alice", "bob", "2012-07-01T00:02:52Z"),
        "not json",
        event("m2", "mastodon", "LIKE", "alice", "carol", "2012-07-01T00:03:00Z"),
        event("t1", "Threads", "POST", "dave", null, "2012-07-02T12:00:00Z"));
    List<ReplayCounts> progress = new ArrayList<>();

    ReplayCounts counts;
    try (InteractionPublisher publisher = new InteractionPublisher(settings(3, 1, true), AvroTestSerde.serializer())) {
      counts = publisher.publishAll(new JsonlEventReader(file), progress::add);
    }

    assertThat(counts).isEqualTo(new ReplayCounts(3, 1));
    assertThat(progress).containsExactly(counts);
    for (String topic : List.of("interactions.mastodon", "interactions.threads")) {
      assertThat(describe(topic).partitions()).hasSize(3);
      ConfigEntry retention = config(topic).get(TopicConfig.RETENTION_MS_CONFIG);
      assertThat(retention.value()).isEqualTo("-1");
      assertThat(retention.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
    List<ConsumerRecord<String, InteractionEvent>> mastodon = consume(List.of("interactions.mastodon"), 2);
    assertThat(mastodon).extracting(ConsumerRecord::key).containsExactly("mastodon:alice", "mastodon:alice");
    assertThat(mastodon).extracting(ConsumerRecord::timestamp)
        .containsExactly(Instant.parse("2012-07-01T00:02:52Z").toEpochMilli(), Instant.parse("2012-07-01T00:03:00Z").toEpochMilli());
    assertThat(mastodon).extracting(record -> record.value().getEventId()).containsExactly("m1", "m2");
    assertThat(mastodon.get(0).partition()).isEqualTo(mastodon.get(1).partition());
    ConsumerRecord<String, InteractionEvent> post = consume(List.of("interactions.threads"), 1).get(0);
    assertThat(post.key()).isEqualTo("threads:dave");
    assertThat(post.value().getNetwork()).isEqualTo("Threads");
    assertThat(post.value().getType()).isEqualTo(InteractionType.POST);
  }

  @Test
  void aLongReplayReportsProgressEveryTenThousandEventsAndAtTheEnd() throws Exception {
    Instant start = Instant.parse("2012-07-01T00:00:00Z");
    String[] lines = IntStream.range(0, 25_000)
        .mapToObj(i -> event("x" + i, "xanga", "SHARE", "a" + i, "b" + i % 7, start.plusSeconds(i).toString()))
        .toArray(String[]::new);
    Path file = TestFiles.gzipped(directory, "events.jsonl.gz", lines);
    List<ReplayCounts> progress = new ArrayList<>();

    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, true), AvroTestSerde.serializer())) {
      publisher.publishAll(new JsonlEventReader(file, start.plusSeconds(24_000)), progress::add);
    }

    assertThat(progress).extracting(ReplayCounts::published).containsExactly(10_000L, 20_000L, 24_000L);
  }

  @Test
  void withoutRetainForeverACreatedTopicKeepsTheClustersRetention() {
    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, false), AvroTestSerde.serializer())) {
      publisher.publish(InteractionEvent.newBuilder()
          .setEventId("r1").setNetwork("tumblr").setType(InteractionType.POST).setActorAccount("erin")
          .setOccurredAt(Instant.now()).build());
      publisher.flush();
    }

    assertThat(config("interactions.tumblr").get(TopicConfig.RETENTION_MS_CONFIG).source())
        .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
  }

  @Test
  void anExistingTopicIsUsedAsItIs() throws Exception {
    kafka.admin().createTopics(List.of(new NewTopic("interactions.vine", 5, (short) 1))).all().get();

    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, true), AvroTestSerde.serializer())) {
      publisher.publish(post("v1", "vine"));
    }

    assertThat(describe("interactions.vine").partitions()).hasSize(5);
    assertThat(consume(List.of("interactions.vine"), 1).get(0).value().getEventId()).isEqualTo("v1");
  }

  @Test
  void theSimulatorPublishesToEachNetworksTopicUntilAskedToStop() {
    AtomicInteger asked = new AtomicInteger();

    long published;
    try (InteractionPublisher publisher = new InteractionPublisher(settings(2, 1, false), AvroTestSerde.serializer())) {
      published = publisher.runSimulator(new InteractionSimulator(3, Clock.systemUTC(), 1_000), 5_000,
          () -> asked.incrementAndGet() > 500);
    }

    assertThat(published).isEqualTo(500);
    List<String> topics = InteractionSimulator.NETWORKS.stream().map(InteractionTopics::topicFor).toList();
    List<ConsumerRecord<String, InteractionEvent>> records = consume(topics, 500);
    assertThat(records).hasSize(500).allSatisfy(record -> {
      assertThat(record.topic()).isEqualTo(InteractionTopics.topicFor(record.value().getNetwork()));
      assertThat(record.key()).isEqualTo(InteractionTopics.keyFor(record.value()));
      assertThat(record.timestamp()).isEqualTo(record.value().getOccurredAt().toEpochMilli());
    });
  }

  @Test
  void aTopicThatCannotBeCreatedFailsThePublishNamingTheTopicAndKafkasReason() {
    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 3, false), AvroTestSerde.serializer())) {
      assertThatThrownBy(() -> publisher.publish(post("x1", "myspace")))
          .isInstanceOf(PublishException.class)
          .hasMessageStartingWith("cannot create topic interactions.myspace (partitions 1, replication factor 3): ")
          .hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }
  }

  @Test
  void anEventTheBrokerRefusesFailsTheNextFlushAndEveryLaterPublishNamingTheEvent() {
    InteractionEvent tooLarge = InteractionEvent.newBuilder(post("big1", "orkut")).setText("x".repeat(2_000_000)).build();

    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, false), AvroTestSerde.serializer())) {
      publisher.publish(tooLarge);

      assertThatThrownBy(publisher::flush)
          .isInstanceOf(PublishException.class)
          .hasMessageStartingWith("cannot publish event big1 to interactions.orkut: ")
          .hasCauseInstanceOf(RecordTooLargeException.class);
      assertThatThrownBy(() -> publisher.publish(post("small1", "orkut")))
          .hasMessageStartingWith("cannot publish event big1 to interactions.orkut: ");
    }
  }

  @Test
  void aFailureNobodyAskedAboutIsThrownByClose() {
    InteractionEvent tooLarge = InteractionEvent.newBuilder(post("big2", "friendster")).setText("x".repeat(2_000_000)).build();
    InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, false), AvroTestSerde.serializer());

    publisher.publish(tooLarge);

    assertThatThrownBy(publisher::close).hasMessageStartingWith("cannot publish event big2 to interactions.friendster: ");
  }

  @Test
  void anEventThatCannotBeSerialisedFailsItsPublishNamingIt() {
    Serializer<InteractionEvent> failing = (topic, event) -> {
      throw new IllegalStateException("no schema for " + event.getEventId());
    };

    try (InteractionPublisher publisher = new InteractionPublisher(settings(1, 1, false), failing)) {
      assertThatThrownBy(() -> publisher.publish(post("p1", "hi5")))
          .isInstanceOf(PublishException.class)
          .hasMessageStartingWith("cannot publish event p1 to interactions.hi5: ")
          .hasMessageContaining("no schema for p1");
    }
  }

  private static PublisherSettings settings(int partitions, int replicationFactor, boolean retainForever) {
    return new PublisherSettings(kafka.bootstrapServers(), partitions, (short) replicationFactor, retainForever);
  }

  private static InteractionEvent post(String eventId, String network) {
    return InteractionEvent.newBuilder().setEventId(eventId).setNetwork(network).setType(InteractionType.POST)
        .setActorAccount("someone").setOccurredAt(Instant.now()).build();
  }

  private static String event(String eventId, String network, String type, String actor, String target, String occurredAt) {
    return "{\"eventId\":\"" + eventId + "\",\"network\":\"" + network + "\",\"type\":\"" + type + "\","
        + "\"actorAccount\":\"" + actor + "\",\"targetAccount\":" + (target == null ? "null" : "\"" + target + "\"")
        + ",\"occurredAt\":\"" + occurredAt + "\"}";
  }

  private static TopicDescription describe(String topic) throws Exception {
    return kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }

  private static Config config(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      return kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    } catch (Exception e) {
      throw new AssertionError("cannot describe the configuration of " + topic, e);
    }
  }

  /** Reads the topics from the start until {@code expected} records have come, or fails after a timeout. */
  private static List<ConsumerRecord<String, InteractionEvent>> consume(Collection<String> topics, int expected) {
    List<ConsumerRecord<String, InteractionEvent>> records = new ArrayList<>();
    try (KafkaConsumer<String, InteractionEvent> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), AvroTestSerde.deserializer())) {
      consumer.subscribe(topics);
      Instant deadline = Instant.now().plus(CONSUME_TIMEOUT);
      while (records.size() < expected && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).as("records read from %s within %s", topics, CONSUME_TIMEOUT).hasSize(expected);
    return records;
  }
}
