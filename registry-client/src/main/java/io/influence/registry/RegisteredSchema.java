package io.influence.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry holds it.
 *
 * @param subject the subject, e.g. {@code interactions.twitter-value}
 * @param id the global schema id, the one written into every record
 * @param version the version within the subject, from 1
 * @param schema the Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
