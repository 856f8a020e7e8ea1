package io.influence.connector.cli;

import io.influence.connector.live.Backoff;
import io.influence.connector.mastodon.MastodonSource;
import io.influence.connector.mastodon.MastodonStatusMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mastodon}: one instance's public timeline through its streaming API into {@code interactions.mastodon}. */
@Command(name = "mastodon", mixinStandardHelpOptions = true,
    description = {"Publish the statuses of a Mastodon instance's public timeline (reblogs, replies, mentions, posts) to "
        + "interactions.mastodon until stopped.",
        "After a reconnect the gap is backfilled from the timeline (docs/CONNECTORS.md)."})
final class MastodonCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "MASTODON_ACCESS_TOKEN";

  @Option(names = "--instance", required = true, paramLabel = "URL", description = "The instance, e.g. https://mastodon.social.")
  URI instance;

  @Option(names = "--backfill-pages", defaultValue = "25", description = "Most pages of 40 statuses read after a reconnect (default ${DEFAULT-VALUE}).")
  int backfillPages;

  @Mixin
  ConnectorOptions options;

  @Override
  public Integer call() throws Exception {
    String token = System.getenv(TOKEN_VARIABLE);
    options.run("mastodon-" + instance.getHost(), MastodonStatusMapper.NETWORK, metrics -> () -> new MastodonSource(instance, token,
        Duration.ofMinutes(2), backfillPages, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), metrics),
        new MastodonStatusMapper(instance.getHost()));
    return 0;
  }
}
