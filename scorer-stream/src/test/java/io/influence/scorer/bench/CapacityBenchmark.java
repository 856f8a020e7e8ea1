package io.influence.scorer.bench;

import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.embedded.FreePorts;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.RestSchemaRegistryClient;
import io.influence.connector.link.AccountLinkPublisher;
import io.influence.schema.AccountLink;
import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.service.ScorerService;
import io.influence.scorer.topology.ScoringTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the capacity model of docs/OPERATIONS.md rests on, measured with many users: publishes one share
 * to each of USERS synthetic users (from 1,000 sharers, over the last day), every tenth of them an account
 * linked to a person, scores them with one instance, measures the bytes each store holds per user (and
 * per link, for the global {@code account-links}) and times the query of a person's linked accounts,
 * then starts a second instance of the same application with an empty state directory and times the
 * restore of every store from its changelog.
 *
 * <p>Arguments: USERS (default 1,000,000).
 */
public final class CapacityBenchmark {
  private static final List<String> TOPICS = List.of("cooking", "travel", "business", "parenting", "physics");
  private static final int USERS_PER_LINK = 10;
  private static final int TIMED_ACCOUNT_QUERIES = 2_000;

  private CapacityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      long publishStarted = System.nanoTime();
      publish(stack, users);
      List<AccountLink> links = link(stack, users);
      System.out.printf(Locale.ROOT, "published %,d events to %,d users in %.1f s%n", users, users, (System.nanoTime() - publishStarted) / 1e9);

      Map<String, String> settings = new HashMap<>(ServiceBench.scorerSettings(args, 1));
      settings.put(ScorerConfig.STANDBY_REPLICAS.key(), "0");
      ScorerConfig first = ServiceBench.freshScorer(stack, "capacity", settings);
      double seconds;
      try (ScorerService scorer = ScorerService.start(first, Clock.systemUTC())) {
        seconds = ServiceBench.secondsToAllOutcomes(scorer.metrics(), users);
        timeAccountQueries(scorer, links);
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
      System.out.printf(Locale.ROOT, "%,d account links: %.0f bytes per link in %s, its index entry included%n", links.size(),
          (double) sizes.stores().get(ScoringTopology.ACCOUNT_LINKS_STORE).bytes() / links.size(), ScoringTopology.ACCOUNT_LINKS_STORE);
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

  /** Links every {@value #USERS_PER_LINK}th user's account to a person with a UUID for an id, as the link command would. */
  private static List<AccountLink> link(EmbeddedStack stack, int users) {
    Instant linkedAt = Instant.now().minus(Duration.ofDays(2));
    List<AccountLink> links = new ArrayList<>();
    for (int i = 0; i < users; i += USERS_PER_LINK) {
      links.add(new AccountLink("synthetic", "user" + i, UUID.nameUUIDFromBytes(("person" + i).getBytes(StandardCharsets.UTF_8)).toString(),
          linkedAt));
    }
    new AccountLinkPublisher(new PublisherSettings(stack.bootstrapServers(), 1, (short) 1, true),
        ConfluentAvroSerde.forValues(new RestSchemaRegistryClient(stack.schemaRegistryUrl()), AccountLink.class).serializer())
        .publish(ScorerConfig.ACCOUNT_LINKS_TOPIC.defaultValue(), links);
    return links;
  }

  /** The mean time of the query behind {@code GET /v1/users/{id}/accounts}, over persons picked across the links. */
  private static void timeAccountQueries(ScorerService scorer, List<AccountLink> links) {
    int stride = Math.max(1, links.size() / TIMED_ACCOUNT_QUERIES);
    int queries = 0;
    long started = System.nanoTime();
    for (int i = 0; i < links.size(); i += stride) {
      AccountLink link = links.get(i);
      if (scorer.queries().accounts(link.getPersonId()).accounts().size() != 1) {
        throw new IllegalStateException("the accounts of " + link.getPersonId() + " are not the one linked");
      }
      queries++;
    }
    System.out.printf(Locale.ROOT, "listed a person's linked accounts %,d times: %.3f ms each, among %,d links%n", queries,
        (System.nanoTime() - started) / 1e6 / queries, links.size());
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
