package io.influence.connector.cli;

import io.influence.connector.bluesky.JetstreamMapper;
import io.influence.connector.bluesky.JetstreamSource;
import io.influence.connector.live.Backoff;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bluesky}: Bluesky's public firehose through Jetstream into {@code interactions.bluesky}. */
@Command(name = "bluesky", mixinStandardHelpOptions = true,
    description = {"Publish Bluesky likes, reposts, posts (replies, quotes, mentions) and follows from Jetstream to "
        + "interactions.bluesky until stopped.",
        "It resumes from the cursor committed with them (docs/CONNECTORS.md)."})
final class BlueskyCommand implements Callable<Integer> {
  @Option(names = "--jetstream", split = ",", paramLabel = "WSS_URL",
      defaultValue = JetstreamSource.PUBLIC_HOSTS,
      description = "Jetstream hosts, tried in turn (default ${DEFAULT-VALUE}).")
  List<URI> hosts;

  @Option(names = "--rewind", defaultValue = "PT5S", description = "How far before the cursor a reconnection asks to start, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration rewind;

  @Mixin
  ConnectorOptions options;

  @Override
  public Integer call() throws Exception {
    options.run("bluesky", JetstreamMapper.NETWORK, metrics -> () -> new JetstreamSource(hosts, rewind, Duration.ofSeconds(30),
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), metrics), new JetstreamMapper());
    return 0;
  }
}
