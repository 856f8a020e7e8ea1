package io.influence.scorer.cli;

import io.influence.scorer.config.ScorerConfig;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.topology.TopologySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The model's settings for the commands that run it offline ({@code recompute}, {@code validate}):
 * the same keys and defaults as the service, so an offline run scores as the stream would.
 */
final class ScoringOptions {
  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "A scoring setting, e.g. --set scoring.actor.weighting=false. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** These flags over the {@code SCORER_*} environment and the defaults. */
  TopologySettings settings() {
    return TopologySettings.from(ScorerConfig.load(settings, System.getenv(), Optional.empty()));
  }

  /** These options as they would be typed, to print a command that does it again. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    settings.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
    return arguments;
  }

  /** A fresh model with {@code settings}, which learns from nothing yet. */
  static InfluenceModel newModel(TopologySettings settings) {
    return new InfluenceModel(settings.parameters(), settings.minScoreChange());
  }
}
