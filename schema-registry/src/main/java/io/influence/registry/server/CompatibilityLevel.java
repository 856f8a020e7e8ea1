package io.influence.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Which earlier versions of a subject a new schema must stay compatible with, and in which direction,
 * as Confluent defines the levels. Backward: consumers on the new schema read data written with the
 * old one (upgrade consumers first). Forward: consumers on the old schema read data written with the
 * new one (upgrade producers first). Full: both. Transitive levels check every live version, the
 * others only the latest. The checks themselves are Avro's {@link SchemaCompatibility}, the same rules
 * that decide whether a reader can resolve a writer's data.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** Confluent's default, and ours. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The level named {@code name}, in any case, or empty when there is no such level. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Why {@code candidate} may not follow the versions in {@code earlierByVersion} (live versions of a
   * subject, keyed by version number) at this level; empty when it may.
   */
  public List<String> violations(Schema candidate, SortedMap<Integer, Schema> earlierByVersion) {
    if (earlierByVersion.isEmpty()) {
      return List.of();
    }
    Map<Integer, Schema> checked = transitive
        ? earlierByVersion
        : earlierByVersion.tailMap(earlierByVersion.lastKey());
    List<String> violations = new ArrayList<>();
    checked.forEach((version, earlier) -> {
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier),
            "the new schema cannot read data written with version " + version, violations);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate),
            "version " + version + " cannot read data written with the new schema", violations);
      }
    });
    return violations;
  }

  private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String problem, List<String> into) {
    for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
      into.add(problem + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
          + " (" + incompatibility.getMessage() + ")");
    }
  }
}
