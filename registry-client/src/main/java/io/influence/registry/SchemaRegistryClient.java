package io.influence.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * What the serdes and the tools need from a Confluent Schema Registry. Every method throws
 * {@link SchemaRegistryException} when the registry refuses (with Confluent's error code) or cannot be
 * reached.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject}, subject to the subject's compatibility level, and
   * returns its global id. Registering a schema that is already there returns the existing id.
   */
  int register(String subject, Schema schema);

  /** The schema with global id {@code id}; a record's writer schema. */
  Schema schemaById(int id);

  /** The newest live version of {@code subject}. */
  RegisteredSchema latest(String subject);

  /** The version of {@code subject} that holds {@code schema}, or empty when none does. */
  Optional<RegisteredSchema> lookup(String subject, Schema schema);

  /**
   * Whether {@code schema} could be registered under {@code subject} under its compatibility level;
   * true for a subject without schemas, since nothing constrains its first one.
   */
  boolean isCompatible(String subject, Schema schema);
}
