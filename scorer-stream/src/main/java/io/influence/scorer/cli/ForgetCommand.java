package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.service.ErasureRequests;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code forget}: asks every scorer of the cluster to erase a person, as privacy law lets them ask. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = {"Erase a user: their score, history and pair histories, their published score (a tombstone) and their "
        + "leaderboard places, on every instance; what they do stops counting for others.",
        "docs/SECURITY.md says what remains."})
final class ForgetCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "USER_ID", description = "The user id as the API shows it, e.g. twitter:alice or a person id.")
  String userId;

  @Option(names = "--reason", defaultValue = "user request", description = "Why, for the audit trail; no personal data (default: ${DEFAULT-VALUE}).")
  String reason;

  @Mixin
  ClusterOptions options;

  @Override
  public Integer call() throws InterruptedException {
    ScorerConfig config = options.load(System.getenv());
    RecordMetadata published = ErasureRequests.request(config, userId, reason, Clock.systemUTC());
    System.out.printf("Erasure of %s requested (%s-%d@%d); every scorer forgets them as it reads it.%n",
        userId, published.topic(), published.partition(), published.offset());
    return 0;
  }
}
