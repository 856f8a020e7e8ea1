package io.influence.registry.server;

import io.influence.registry.server.StoreRecord.CompatibilitySet;
import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.influence.registry.server.StoreRecord.SubjectDeleted;
import io.influence.registry.server.StoreRecord.VersionErased;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The registry's state in memory: the fold of every {@link StoreRecord} applied so far. It answers
 * questions and applies changes; deciding which changes are allowed is {@link SchemaRegistryService}'s
 * job. Not thread-safe: the service guards it.
 */
final class RegistryState {
  /** Subjects in name order, each with its versions in order, soft-deleted ones included. */
  private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private int highestId;

  void apply(StoreRecord change) {
    if (change instanceof SchemaVersion version) {
      subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
      schemasById.put(version.id(), version.schema());
      idsBySchema.put(version.schema(), version.id());
      highestId = Math.max(highestId, version.id());
    } else if (change instanceof VersionErased erased) {
      erase(erased);
    } else if (change instanceof SubjectDeleted deleted) {
      subjects.getOrDefault(deleted.subject(), new TreeMap<>()).headMap(deleted.version(), true)
          .replaceAll((number, version) -> version.softDeleted());
    } else if (change instanceof CompatibilitySet config) {
      setLevel(config);
    }
  }

  /** The versions of {@code subject} in order, soft-deleted ones only when {@code includeDeleted}. */
  List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    List<SchemaVersion> versions = new ArrayList<>();
    for (SchemaVersion version : subjects.getOrDefault(subject, new TreeMap<>()).values()) {
      if (includeDeleted || !version.deleted()) {
        versions.add(version);
      }
    }
    return versions;
  }

  /** Subjects with a live version, or with any version when {@code includeDeleted}, in name order. */
  List<String> subjects(boolean includeDeleted) {
    return subjects.keySet().stream().filter(subject -> !versions(subject, includeDeleted).isEmpty()).toList();
  }

  /** The number the next version of {@code subject} gets: versions are never reused, even deleted ones. */
  int nextVersion(String subject) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }

  Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The id of a schema, by its canonical text, in whichever subject it was registered. */
  OptionalInt idOf(String canonicalSchema) {
    Integer id = idsBySchema.get(canonicalSchema);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The id the next new schema gets. */
  int nextId() {
    return highestId + 1;
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  private void erase(VersionErased erased) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(erased.subject());
    SchemaVersion removed = versions == null ? null : versions.remove(erased.version());
    if (removed == null) {
      return;
    }
    if (versions.isEmpty()) {
      subjects.remove(erased.subject());
    }
    // Forget the schema once no version uses it: after compaction the topic will not mention it either,
    // and the registry must answer the same before and after a restart.
    boolean stillUsed = subjects.values().stream()
        .anyMatch(subject -> subject.values().stream().anyMatch(version -> version.id() == removed.id()));
    if (!stillUsed) {
      schemasById.remove(removed.id());
      idsBySchema.remove(removed.schema());
    }
  }

  private void setLevel(CompatibilitySet config) {
    if (config.subject() == null) {
      globalLevel = config.level() == null ? CompatibilityLevel.DEFAULT : config.level();
    } else if (config.level() == null) {
      subjectLevels.remove(config.subject());
    } else {
      subjectLevels.put(config.subject(), config.level());
    }
  }
}
