package io.influence.scorer.demo;

import io.influence.registry.SchemaRegistryClient;
import io.influence.scorer.config.ScorerConfig;
import java.util.List;
import java.util.Optional;

/** What feeds the demo's scorer: the simulated connector, or Bluesky's live firehose. */
public sealed interface DemoFeed permits SimulatedFeed, BlueskyFeed {

  /** The networks it publishes to; their topics exist before the scorer subscribes, so it finds them at once. */
  List<String> networks();

  /** Starts publishing to the demo's cluster, as {@code config} describes it; closing the result stops it. */
  AutoCloseable start(ScorerConfig config, SchemaRegistryClient registry);

  /** What it publishes, for the banner. */
  String description();

  /** A user to try the API with, when one is known in advance. */
  Optional<String> exampleUserId();
}
