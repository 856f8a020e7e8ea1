"""Confluent's legacy Avro clients, adapted to our contract: Avro values, plain UTF-8 string keys.

Debian ships confluent-kafka-python 1.7, whose ``confluent_kafka.avro`` AvroProducer and AvroConsumer
assume that keys are Avro too: AvroProducer.produce raises KeySerializerError for a key without a key
schema, and AvroConsumer.poll decodes every key as Confluent-framed Avro, so it fails on a plain
string ("message does not start with magic byte"). Giving AvroProducer the key schema "string" would
frame the key (magic byte, schema id, Avro string) and break the contract in schemas/README.md, where
keys are plain strings, as Java's StringSerializer writes them.

So the two subclasses below keep everything AvroProducer and AvroConsumer do for the value (the
schema.registry.* settings, CachedSchemaRegistryClient, MessageSerializer registering <topic>-value
and framing the record) and treat the key as UTF-8 bytes. They reach MessageSerializer through the
parent's ``_serializer`` attribute, which is fixed in the Debian version these tests run on.
"""

from confluent_kafka import Consumer, Producer
from confluent_kafka.avro import AvroConsumer, AvroProducer


def add_connection_arguments(parser):
    parser.add_argument("--bootstrap-servers", required=True, help="Kafka, host:port")
    parser.add_argument("--schema-registry-url", required=True, help="Confluent-compatible Schema Registry")


class StringKeyAvroProducer(AvroProducer):
    """An AvroProducer whose record keys are plain UTF-8 strings."""

    def produce(self, topic, key, value, value_schema, **kwargs):
        encoded_value = self._serializer.encode_record_with_schema(topic, value_schema, value)
        Producer.produce(self, topic, encoded_value, key.encode("utf-8"), **kwargs)


class StringKeyAvroConsumer(AvroConsumer):
    """An AvroConsumer that decodes values through the registry and keys as UTF-8 strings."""

    def poll(self, timeout=None):
        message = Consumer.poll(self, -1 if timeout is None else timeout)
        if message is None or message.error():
            return message
        if message.value() is not None:
            message.set_value(self._serializer.decode_message(message.value(), is_key=False))
        if message.key() is not None:
            message.set_key(message.key().decode("utf-8"))
        return message
