package io.influence.connector.live;

import io.influence.schema.ErasureRequest;
import io.influence.schema.InteractionEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How a live connector writes what it publishes: interaction events, and the erasures it asks for when
 * a network deletes an account.
 */
public record ConnectorSerializers(Serializer<InteractionEvent> events, Serializer<ErasureRequest> erasures) {}
