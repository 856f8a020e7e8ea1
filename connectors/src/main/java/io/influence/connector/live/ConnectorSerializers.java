package io.influence.connector.live;

import io.influence.registry.ConfluentAvroSerde;
import io.influence.registry.SchemaRegistryClient;
import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How a live connector writes what it publishes: interaction events, and the erasures it asks for when
 * a network deletes an account.
 */
public record ConnectorSerializers(Serializer<InteractionEvent> events, Serializer<ErasureRequest> erasures) {

  /** Avro in the Confluent wire format, with schemas registered in {@code registry}: what the scorer reads. */
  public static ConnectorSerializers viaRegistry(SchemaRegistryClient registry) {
    return new ConnectorSerializers(ConfluentAvroSerde.forValues(registry, InteractionEvent.class).serializer(),
        ConfluentAvroSerde.forValues(registry, ErasureRequest.class).serializer());
  }
}
