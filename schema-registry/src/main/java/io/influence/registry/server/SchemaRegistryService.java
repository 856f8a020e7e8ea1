package io.influence.registry.server;

import io.influence.registry.RegistryJson.SchemaRequest;
import io.influence.registry.SchemaRegistryException;
import io.influence.registry.server.StoreRecord.CompatibilitySet;
import io.influence.registry.server.StoreRecord.SchemaVersion;
import io.influence.registry.server.StoreRecord.VersionErased;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The Schema Registry protocol without HTTP: what each operation of Confluent's REST API does, which
 * changes it writes to the {@link SchemaStore}, and which Confluent error it answers when it cannot.
 *
 * <p>Following Confluent: schema ids are global and increasing, and a schema keeps its id in every
 * subject it is registered under; a subject's versions count from 1 and are never reused; registering
 * a schema that is already a live version returns its id without a new version; deletion is soft first
 * (the version stays readable by id, since records written with it remain) and permanent only after.
 *
 * <p>Every operation is synchronized: writes must be applied in the order they were stored, and a write
 * holds the lock until the store acknowledged it, so a read that follows a write sees it. The traffic of
 * a schema registry (a few requests per producer start) makes one lock ample.
 */
final class SchemaRegistryService {
  /** The version argument meaning the newest live version, written "latest" or -1. */
  private static final int LATEST = -1;

  private final SchemaStore store;
  private final RegistryState state = new RegistryState();

  /** Rebuilds the state from everything in {@code store}. */
  SchemaRegistryService(SchemaStore store) {
    this.store = store;
    store.readAll().forEach(state::apply);
  }

  synchronized int register(String subject, SchemaRequest request) {
    Schema schema = parse(request);
    String canonical = schema.toString();
    List<SchemaVersion> live = state.versions(subject, false);
    for (SchemaVersion version : live) {
      if (version.schema().equals(canonical)) {
        return version.id();
      }
    }
    List<String> violations = levelOf(subject).violations(schema, schemasByVersion(live));
    if (!violations.isEmpty()) {
      throw SchemaRegistryException.incompatible(subject, violations);
    }
    int id = state.idOf(canonical).orElse(state.nextId());
    write(new SchemaVersion(subject, state.nextVersion(subject), id, canonical, false));
    return id;
  }

  /** The version of {@code subject} holding the schema of {@code request}. */
  synchronized SchemaVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
    String canonical = parse(request).toString();
    List<SchemaVersion> versions = visibleVersions(subject, includeDeleted);
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i).schema().equals(canonical)) {
        return versions.get(i);
      }
    }
    throw SchemaRegistryException.schemaNotFound();
  }

  synchronized String schemaById(String id) {
    try {
      return state.schemaById(Integer.parseInt(id)).orElseThrow(() -> SchemaRegistryException.schemaNotFound(id));
    } catch (NumberFormatException e) {
      throw SchemaRegistryException.schemaNotFound(id);
    }
  }

  synchronized List<String> subjects(boolean includeDeleted) {
    return state.subjects(includeDeleted);
  }

  synchronized List<Integer> versions(String subject, boolean includeDeleted) {
    return numbers(visibleVersions(subject, includeDeleted));
  }

  /** A version of {@code subject}, {@code version} being a number, "latest" or -1. */
  synchronized SchemaVersion version(String subject, String version, boolean includeDeleted) {
    int number = parseVersion(version);
    List<SchemaVersion> versions = visibleVersions(subject, includeDeleted);
    return number == LATEST ? newest(versions) : find(versions, number);
  }

  /** Deletes every version of {@code subject}, returning their numbers; soft first, then permanently. */
  synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    List<SchemaVersion> all = visibleVersions(subject, true);
    List<SchemaVersion> live = state.versions(subject, false);
    if (permanent) {
      if (!live.isEmpty()) {
        throw SchemaRegistryException.subjectNotSoftDeleted(subject);
      }
      all.forEach(version -> write(new VersionErased(subject, version.version())));
      return numbers(all);
    }
    if (live.isEmpty()) {
      throw SchemaRegistryException.subjectSoftDeleted(subject);
    }
    live.forEach(version -> write(version.softDeleted()));
    // As Confluent does, a deleted subject loses its compatibility setting too.
    if (state.subjectLevel(subject).isPresent()) {
      write(new CompatibilitySet(subject, null));
    }
    return numbers(live);
  }

  /** Deletes one version of {@code subject}, returning its number; soft first, then permanently. */
  synchronized int deleteVersion(String subject, String version, boolean permanent) {
    int number = parseVersion(version);
    List<SchemaVersion> all = visibleVersions(subject, true);
    SchemaVersion target = number != LATEST ? find(all, number) : newest(permanent ? all : visibleVersions(subject, false));
    if (permanent) {
      if (!target.deleted()) {
        throw SchemaRegistryException.versionNotSoftDeleted(subject, target.version());
      }
      write(new VersionErased(subject, target.version()));
    } else {
      if (target.deleted()) {
        throw SchemaRegistryException.versionSoftDeleted(subject, target.version());
      }
      write(target.softDeleted());
    }
    return target.version();
  }

  /**
   * Why the schema of {@code request} may not be registered under {@code subject}, tested against
   * {@code version} ("latest" tests what registration would: the latest or, for transitive levels,
   * every live version); empty when it may.
   */
  synchronized List<String> compatibilityViolations(String subject, String version, SchemaRequest request) {
    int number = parseVersion(version);
    Schema candidate = parse(request);
    List<SchemaVersion> live = visibleVersions(subject, false);
    List<SchemaVersion> against = number == LATEST ? live : List.of(find(live, number));
    return levelOf(subject).violations(candidate, schemasByVersion(against));
  }

  synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  /** The level set for {@code subject}, or the global one when there is none and {@code defaultToGlobal}. */
  synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    return state.subjectLevel(subject)
        .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
        .orElseThrow(() -> SchemaRegistryException.subjectCompatibilityNotConfigured(subject));
  }

  /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
  synchronized CompatibilityLevel setLevel(String subject, String level) {
    CompatibilityLevel parsed = CompatibilityLevel.parse(level)
        .orElseThrow(SchemaRegistryException::invalidCompatibilityLevel);
    write(new CompatibilitySet(subject, parsed));
    return parsed;
  }

  /**
   * Removes the level of {@code subject}, or resets the global one when {@code subject} is null, and
   * returns the level that applied before.
   */
  synchronized CompatibilityLevel removeLevel(String subject) {
    CompatibilityLevel before;
    if (subject == null) {
      before = state.globalLevel();
    } else {
      before = state.subjectLevel(subject)
          .orElseThrow(() -> SchemaRegistryException.subjectCompatibilityNotConfigured(subject));
    }
    write(new CompatibilitySet(subject, null));
    return before;
  }

  private void write(StoreRecord change) {
    store.append(change);
    state.apply(change);
  }

  private CompatibilityLevel levelOf(String subject) {
    return state.subjectLevel(subject).orElse(state.globalLevel());
  }

  /** The versions of {@code subject}; a subject without any is unknown. */
  private List<SchemaVersion> visibleVersions(String subject, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  private static SchemaVersion newest(List<SchemaVersion> versions) {
    return versions.get(versions.size() - 1);
  }

  private static SchemaVersion find(List<SchemaVersion> versions, int number) {
    return versions.stream().filter(version -> version.version() == number).findFirst()
        .orElseThrow(() -> SchemaRegistryException.versionNotFound(number));
  }

  private static List<Integer> numbers(List<SchemaVersion> versions) {
    return versions.stream().map(SchemaVersion::version).toList();
  }

  private static SortedMap<Integer, Schema> schemasByVersion(List<SchemaVersion> versions) {
    SortedMap<Integer, Schema> schemas = new TreeMap<>();
    versions.forEach(version -> schemas.put(version.version(), new Schema.Parser().parse(version.schema())));
    return schemas;
  }

  private static int parseVersion(String version) {
    String trimmed = Objects.requireNonNullElse(version, "").trim();
    if (trimmed.equalsIgnoreCase("latest")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(trimmed);
      if (number == LATEST || number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, as Confluent does for any version that is not a positive int or "latest"
    }
    throw SchemaRegistryException.invalidVersion(version);
  }

  /** The Avro schema of a request; Confluent's registry also stores Protobuf and JSON Schema, we do not. */
  private static Schema parse(SchemaRequest request) {
    if (request == null || request.schema() == null || request.schema().isBlank()) {
      throw SchemaRegistryException.invalidSchema("the request has no \"schema\"");
    }
    if (request.schemaType() != null && !request.schemaType().equalsIgnoreCase("AVRO")) {
      throw SchemaRegistryException.invalidSchema("schema type " + request.schemaType()
          + " is not supported; this registry holds Avro schemas only");
    }
    if (request.references() != null && !request.references().isEmpty()) {
      throw SchemaRegistryException.invalidSchema("schema references are not supported by this registry");
    }
    try {
      return new Schema.Parser().parse(request.schema());
    } catch (RuntimeException e) {
      throw SchemaRegistryException.invalidSchema(e.getMessage());
    }
  }
}
