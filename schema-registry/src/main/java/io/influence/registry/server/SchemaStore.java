package io.influence.registry.server;

import java.util.List;

/**
 * Where the registry's changes are kept: an append-only log replayed in full on start. The registry
 * applies a change to its in-memory state only after {@link #append} returned, so a change that was
 * answered is never lost and a read that follows a write sees it.
 */
interface SchemaStore extends AutoCloseable {

  /** Every change appended so far, oldest first. */
  List<StoreRecord> readAll();

  /**
   * Appends {@code change} and returns once it is durable.
   *
   * @throws SchemaRegistryException with {@link SchemaRegistryException#STORE_ERROR} when it is not
   */
  void append(StoreRecord change);

  @Override
  void close();
}
