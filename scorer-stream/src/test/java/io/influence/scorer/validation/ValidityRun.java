package io.influence.scorer.validation;

import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.EventSource;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.topology.TopologySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code validate} as the predictive-validity tests run it: the shipped defaults, 1,000 resamples. */
final class ValidityRun {
  static final int RESAMPLES = 1_000;

  private ValidityRun() {}

  static ValidityReport withDefaults(EventSource source, Instant split, Optional<Duration> horizon) {
    TopologySettings defaults = TopologySettings.from(ScorerConfig.defaults());
    ValidityReport report = PredictiveValidity.measure(
        new TemporalSplit(new InfluenceModel(defaults.parameters(), defaults.minScoreChange()), defaults.topics(), split, horizon)
            .run(source),
        RESAMPLES);
    System.out.println(report.table());
    return report;
  }
}
