package io.influence.registry.server;

import io.influence.registry.RegisteredSchema;
import io.influence.registry.SchemaRegistryClient;
import io.influence.registry.SchemaRegistryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry client held in memory, without any cache of its own, that counts how often it is asked:
 * for testing what the serdes themselves cache and how they frame ids.
 */
final class CountingRegistryClient implements SchemaRegistryClient {
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<String, Integer> latestIds = new HashMap<>();
  int registrations;
  int fetches;

  @Override
  public synchronized int register(String subject, Schema schema) {
    registrations++;
    int id = idsBySchema.computeIfAbsent(schema, s -> 100 + idsBySchema.size());
    schemasById.put(id, schema);
    latestIds.put(subject, id);
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    fetches++;
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaNotFound(String.valueOf(id));
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    Integer id = latestIds.get(subject);
    if (id == null) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return new RegisteredSchema(subject, id, 1, schemasById.get(id));
  }

  @Override
  public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    return Optional.ofNullable(latestIds.get(subject)).filter(id -> schemasById.get(id).equals(schema))
        .map(id -> new RegisteredSchema(subject, id, 1, schema));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return true;
  }

  List<String> subjects() {
    return List.copyOf(latestIds.keySet());
  }
}
