package io.influence.registry.server;

/**
 * One change to the registry's state, as it is appended to the {@link SchemaStore} and replayed from it.
 * The registry's whole state is the fold of these records in order.
 */
sealed interface StoreRecord {

  /**
   * A version of a subject: created, or soft deleted when written again with {@code deleted}. The
   * schema text is Avro's canonical JSON of the schema, so equal schemas have equal text.
   */
  record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements StoreRecord {
    SchemaVersion softDeleted() {
      return new SchemaVersion(subject, version, id, schema, true);
    }
  }

  /** A version removed for good (a permanent delete); it is no longer listed even as deleted. */
  record VersionErased(String subject, int version) implements StoreRecord {
  }

  /**
   * All versions of a subject up to {@code version} soft deleted at once. Confluent's registry writes
   * this; we read it so that a topic written by Confluent replays correctly, and write per-version
   * deletions ourselves.
   */
  record SubjectDeleted(String subject, int version) implements StoreRecord {
  }

  /**
   * The compatibility level of a subject, or the global one when {@code subject} is null; a null
   * {@code level} removes the setting (the subject falls back to the global level, the global level to
   * the default).
   */
  record CompatibilitySet(String subject, CompatibilityLevel level) implements StoreRecord {
  }
}
