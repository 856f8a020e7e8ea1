package io.influence.scorer.bench;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.topology.ScoringTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the capacity model of docs/OPERATIONS.md rests on, measured with many users: publishes one share
 * to each of USERS synthetic users (from 1,000 sharers, over the last day), scores them with one
 * instance, measures the bytes each store holds per user, then starts a second instance of the same
 * application with an empty state directory and times the restore of every store from its changelog.
 *
 * <p>Arguments: USERS (default 1,000,000).
 */
public final class CapacityBenchmark {
  private static final List<String> TOPICS = List.of("cooking", "travel", "business", "parenting", "physics");

  private CapacityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      long publishStarted = System.nanoTime();
      publish(stack, users);
      System.out.printf(Locale.ROOT, "published %,d events to %,d users in %.1f s%n", users, users, (System.nanoTime() - publishStarted) / 1e9);

      Map<String, String> settings = new HashMap<>(ServiceBench.scorerSettings(args, 1));
      settings.put(ScorerConfig.STANDBY_REPLICAS.key(), "0");
      ScorerConfig first = ServiceBench.freshScorer(stack, "capacity", settings);
      double seconds;
      try (ScorerService scorer = ScorerService.start(first, Clock.systemUTC())) {
        seconds = ServiceBench.secondsToAllOutcomes(scorer.metrics(), users);
      }
      System.out.printf(Locale.ROOT, "scored %,d events in %.1f s: %,.0f events/s%n", users, seconds, users / seconds);
      Path scored = first.get(ScorerConfig.STATE_DIR);
      StoreSizes sizes = StoreSizes.of(scored);
      long held = sizes.entries(ScoringTopology.USER_INFLUENCE_STORE);
      System.out.printf(Locale.ROOT, "| store | entries | bytes per user |%n|---|---:|---:|%n");
      sizes.stores().forEach((name, store) ->
          System.out.printf(Locale.ROOT, "| %s | %,d | %.0f |%n", name, store.entries(), (double) store.bytes() / held));
      System.out.printf(Locale.ROOT, "%,d users: %.0f bytes per user in the stores, %.0f on disk%n", held,
          (double) sizes.totalBytes() / held, (double) sizes.fileBytes() / held);
      ServiceBench.deleteRecursively(scored);

      // The same application on an empty disk: every store comes back from its changelog.
      ScorerConfig restoring = first.with(Map.of(ScorerConfig.STATE_DIR.key(), ServiceBench.stateDirectory("capacity-restore").toString(),
          ScorerConfig.HTTP_PORT.key(), String.valueOf(FreePorts.next())));
      long restoreStarted = System.nanoTime();
      try (ScorerService restored = ScorerService.start(restoring, Clock.systemUTC())) {
        while (restored.streams().state() != KafkaStreams.State.RUNNING) {
          Thread.sleep(50);
        }
        double restoreSeconds = (System.nanoTime() - restoreStarted) / 1e9;
        System.out.printf(Locale.ROOT, "restored %,d users from the changelogs in %.1f s (start-up included): %,.0f users/s%n",
            held, restoreSeconds, held / restoreSeconds);
      }
      ServiceBench.deleteRecursively(restoring.get(ScorerConfig.STATE_DIR));
    }
    System.out.println("Finished " + Instant.now() + "; machine: " + ServiceBench.machine());
  }

  private static void publish(EmbeddedStack stack, int users) {
    var serde = ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), InteractionEvent.class);
    Instant start = Instant.now().minus(Duration.ofDays(1));
    long spacing = Duration.ofDays(1).toMillis() / users;
    try (InteractionPublisher publisher = new InteractionPublisher(new PublisherSettings(stack.bootstrapServers(), 4, (short) 1, true),
        serde.serializer())) {
      publisher.ensureTopic("synthetic");
      for (int i = 0; i < users; i++) {
        publisher.publish(InteractionEvent.newBuilder()
            .setEventId("c" + i).setNetwork("synthetic").setType(InteractionType.SHARE)
            .setActorAccount("sharer" + i % 1_000).setTargetAccount("user" + i)
            .setTopics(List.of(TOPICS.get(i % TOPICS.size())))
            .setOccurredAt(start.plusMillis(spacing * i))
            .build());
      }
      publisher.flush();
    }
  }
}
