package io.influence.scorer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.influence.connector.JsonlEventReader;
import io.influence.connector.cli.ConnectorCli;
import io.influence.embedded.FreePorts;
import io.influence.scorer.embedded.EmbeddedStack;
import io.influence.scorer.query.LinkedAccounts;
import io.influence.scorer.replay.ReplayRunner;
import io.influence.scorer.service.ScorerService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Connect all your active networks": the connectors' {@code link} command publishes a person's accounts
 * on two networks, and the scorer then counts engagement of either account towards the person's one score.
 */
class AccountLinkingIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  Path work;

  @Test
  void engagementOfEitherLinkedAccountCountsTowardsThePersonsOneScore() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.startOnFreePorts()) {
      try (ScorerService scorer = ScorerService.start(stack.scorerConfig(work.resolve("state"), FreePorts.next()), Clock.systemUTC())) {
        linkAndScore(stack, scorer);
      }
      // The store's index of each person's accounts is made as links arrive: an instance on an empty
      // disk, which restores the links from their topic, must make it again.
      try (ScorerService restored = ScorerService.start(stack.scorerConfig(work.resolve("restored"), FreePorts.next()), Clock.systemUTC())) {
        restored.awaitRunning(Duration.ofMinutes(1));
        assertThat(get(restored, "/v1/users/ada/accounts").get("accounts").findValuesAsText("account"))
            .containsExactlyInAnyOrder("ada_t", "ada@example.social");
      }
    }
  }

  private void linkAndScore(EmbeddedStack stack, ScorerService scorer) throws Exception {
    scorer.awaitRunning(Duration.ofMinutes(1));
    // A record the account service got wrong is left aside, and the links after it still apply.
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ScorerService.clientProperties(scorer.config()),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("account-links", "twitter:ada_t", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }
    Path links = Files.writeString(work.resolve("links.csv"), """
        network,account,personId
        twitter,ada_t,ada
        Mastodon,ada@example.social,ada
        """);
    StringWriter out = new StringWriter();

    int exitCode = ConnectorCli.commandLine().setOut(new PrintWriter(out)).execute("link", links.toString(),
        "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
        "--partitions", "4", "--replication-factor", "1");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).isEqualTo("linked 2 accounts of 1 people on account-links\n");
    await().atMost(PATIENCE).until(() -> scorer.queries().accounts("ada").accounts().size() == 2);
    assertThat(scorer.queries().accounts("ada").accounts()).extracting(LinkedAccounts.Account::network)
        .containsExactlyInAnyOrder("twitter", "mastodon");

    Instant now = Instant.now();
    Path events = Files.writeString(work.resolve("events.jsonl"), """
        {"eventId":"t1","network":"twitter","type":"SHARE","actorAccount":"bob","targetAccount":"ada_t","occurredAt":"%s"}
        {"eventId":"m1","network":"mastodon","type":"MENTION","actorAccount":"cy@example.social","targetAccount":"ada@example.social","occurredAt":"%s"}
        """.formatted(now.minusSeconds(60), now.minusSeconds(30)));
    new ReplayRunner(scorer.config(), System.out).publish(new JsonlEventReader(events));
    await().atMost(PATIENCE).until(() -> scorer.metrics().allOutcomes() >= 2);

    JsonNode ada = get(scorer, "/v1/users/ada");
    assertThat(ada.get("engagements").get("share").asLong()).isEqualTo(1);
    assertThat(ada.get("engagements").get("mention").asLong()).isEqualTo(1);
    assertThat(ada.get("networks").findValuesAsText("network")).containsExactlyInAnyOrder("twitter", "mastodon");
    assertThat(get(scorer, "/v1/users/twitter:ada_t").get("status").asInt()).as("the account has no score of its own").isEqualTo(404);
    assertThat(scorer.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(scorer.metrics().recordsSetAside("account-links")).isEqualTo(1);
  }

  private static JsonNode get(ScorerService scorer, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + scorer.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }

}
