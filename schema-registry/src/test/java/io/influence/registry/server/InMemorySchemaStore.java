package io.influence.registry.server;

import io.influence.registry.SchemaRegistryException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SchemaStore} for tests that keeps, in memory, the very records {@link KafkaSchemaStore} would
 * write to {@code _schemas} (Confluent's JSON), so tests of the registry exercise the topic format too.
 * Closing it keeps its records: a registry restarted on it replays them, as on a broker.
 */
final class InMemorySchemaStore implements SchemaStore {
  private final List<SchemasTopicFormat.Entry> entries = new CopyOnWriteArrayList<>();
  private volatile boolean unavailable;

  @Override
  public List<StoreRecord> readAll() {
    return entries.stream().flatMap(entry -> SchemasTopicFormat.decode(entry.key(), entry.value()).stream()).toList();
  }

  @Override
  public void append(StoreRecord change) {
    if (unavailable) {
      throw SchemaRegistryException.storeError("the test made the store unavailable", null);
    }
    entries.add(SchemasTopicFormat.encode(change));
  }

  /** From now on every append fails, as when the brokers are down. */
  void makeUnavailable() {
    unavailable = true;
  }

  List<SchemasTopicFormat.Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() {
  }
}
