/**
 * Confluent Schema Registry, spoken by us: Confluent's Maven repository is out of reach, so the wire
 * format, the REST client and a registry server are implemented here, following Confluent's protocol
 * closely enough that Confluent's own clients and a real Confluent registry work with them unchanged.
 *
 * <p>How the pieces fit:
 * <ul>
 *   <li><b>Serdes</b>: {@link io.influence.registry.ConfluentAvroSerde} (with its
 *       {@link io.influence.registry.ConfluentAvroSerializer serializer} and
 *       {@link io.influence.registry.ConfluentAvroDeserializer deserializer}) frame Avro in
 *       Confluent's wire format: magic byte 0, a 4-byte schema id, then Avro binary.</li>
 *   <li><b>Client</b>: {@link io.influence.registry.SchemaRegistryClient}, implemented over HTTP by
 *       {@link io.influence.registry.RestSchemaRegistryClient}, with caching and retries.</li>
 *   <li><b>Server</b>: {@link io.influence.registry.server.EmbeddedSchemaRegistry} serves the REST API
 *       ({@code RegistryHttpApi}) over the protocol's rules ({@code SchemaRegistryService}, with
 *       {@link io.influence.registry.server.CompatibilityLevel} for compatibility), which keeps its
 *       state in a {@code SchemaStore}: in production the compacted {@code _schemas} topic
 *       ({@code KafkaSchemaStore}), in Confluent's own record format ({@code SchemasTopicFormat}).</li>
 * </ul>
 * Request and response bodies shared by client and server are in {@code RegistryJson}; the errors
 * both sides speak are {@link io.influence.registry.SchemaRegistryException}.
 */
package io.influence.registry.server;
