"""Publishes interaction events with Confluent's Python client, as a connector written in Python would.

Reads one JSON object per line on stdin, {"key": ..., "value": {...}}, where the value is an
InteractionEvent with occurredAt in epoch milliseconds. Registers the schema given by --value-schema
under <topic>-value in the Schema Registry, sends each event Avro-encoded in the Confluent wire
format with its key as a plain UTF-8 string and occurredAt as the record timestamp, and prints one
JSON line per delivered record: topic, partition, offset, key. Exits non-zero if any delivery fails.

The producer hashes keys with murmur2, as Java's default partitioner does, so that Python and Java
connectors put one account's events in the same partition (librdkafka's default hashes with CRC32).
"""

import argparse
import json
import sys
from datetime import datetime, timezone

from confluent_kafka.avro import load

from string_key_clients import StringKeyAvroProducer, add_connection_arguments

TIMESTAMP_MILLIS = "timestamp-millis"


def to_avro_datum(schema, value):
    """python3-avro 1.11 writes timestamp-millis fields from datetime objects only, not from integers."""
    datum = dict(value)
    for field in schema.fields:
        if getattr(field.type, "logical_type", None) == TIMESTAMP_MILLIS and datum.get(field.name) is not None:
            datum[field.name] = datetime.fromtimestamp(datum[field.name] / 1000, tz=timezone.utc)
    return datum


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_connection_arguments(parser)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--value-schema", required=True, help="path of InteractionEvent.avsc")
    args = parser.parse_args()

    schema = load(args.value_schema)
    producer = StringKeyAvroProducer({
        "bootstrap.servers": args.bootstrap_servers,
        "schema.registry.url": args.schema_registry_url,
        "acks": "all",
        "enable.idempotence": True,
        "partitioner": "murmur2_random",
    })
    failures = []

    def report(error, message):
        if error is not None:
            failures.append("key {}: {}".format(message.key(), error))
        else:
            print(json.dumps({"topic": message.topic(), "partition": message.partition(),
                              "offset": message.offset(), "key": message.key().decode("utf-8")}), flush=True)

    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        value = record["value"]
        producer.produce(args.topic, record["key"], to_avro_datum(schema, value), schema,
                         timestamp=value["occurredAt"], on_delivery=report)
    undelivered = producer.flush(30)
    if undelivered:
        failures.append("{} records still undelivered after 30 s".format(undelivered))
    for failure in failures:
        print("delivery failed: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
