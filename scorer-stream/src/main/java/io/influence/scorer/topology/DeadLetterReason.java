package io.influence.scorer.topology;

import java.util.Locale;

/** Why a connector record went to its dead-letter topic; the tag appears in headers and metrics. */
public enum DeadLetterReason {
  /** Not in the Confluent wire format, or not Avro that the writer schema can read. */
  UNDECODABLE,
  /** The schema id is not in the registry. */
  UNKNOWN_SCHEMA,
  MISSING_ACTOR,
  MISSING_TARGET,
  /** An interaction type this release does not know. */
  UNKNOWN_TYPE,
  /** Stamped further ahead of the wall clock than the tolerance: a connector's clock is wrong. */
  FUTURE,
  /** Behind stream time by more than the grace period. */
  LATE;

  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
