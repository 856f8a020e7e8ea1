"""Reads influence scores with Confluent's Python client, as a downstream service written in Python would.

Consumes --topic from the beginning with isolation.level read_committed, decodes each UserScore
through the Schema Registry by the schema id in its Confluent wire-format header, and prints one JSON
line per record: topic, partition, offset, key and the decoded value (timestamps as ISO-8601 UTC).
Stops once every event named in --until-causes has caused a score (cause.eventId); exits 3 if that
has not happened within --timeout seconds, after printing what it read.
"""

import argparse
import json
import sys
import time
import uuid
from datetime import date, datetime

from string_key_clients import StringKeyAvroConsumer, add_connection_arguments


def to_json(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError("cannot write {!r} as JSON".format(value))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_connection_arguments(parser)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--until-causes", required=True, help="comma-separated event ids")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds")
    args = parser.parse_args()

    awaited = set(args.until_causes.split(","))
    consumer = StringKeyAvroConsumer({
        "bootstrap.servers": args.bootstrap_servers,
        "schema.registry.url": args.schema_registry_url,
        "group.id": "python-interop-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    deadline = time.monotonic() + args.timeout
    try:
        while awaited and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                print("consumer error: {}".format(message.error()), file=sys.stderr)
                continue
            score = message.value()
            awaited.discard(score["cause"]["eventId"])
            print(json.dumps({"topic": message.topic(), "partition": message.partition(), "offset": message.offset(),
                              "key": message.key(), "value": score}, default=to_json), flush=True)
    finally:
        consumer.close()
    if awaited:
        print("no score caused by {} within {} s".format(sorted(awaited), args.timeout), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
