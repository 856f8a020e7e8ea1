"""Talks to a Schema Registry that asks for basic auth over HTTPS, with Confluent's Python client.

Registers the Avro schema in --schema under --subject with the credentials given, reads it back by
id, and prints one JSON line: {"id": ..., "schema_matches": true|false}
(the same record name and fields). When the registry refuses,
prints {"error_code": ..., "status": ...} instead and exits 3, so the caller can tell a refusal
from a crash.
"""

import argparse
import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError


def fields_of(schema):
    """The record's full name and field names: what survives the registry's canonical form unchanged."""
    return schema.get("namespace"), schema["name"], [field["name"] for field in schema["fields"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--user-info", required=True, help="user:password, sent as basic.auth.user.info")
    parser.add_argument("--ca", required=True, help="PEM of the certificate to trust, sent as ssl.ca.location")
    parser.add_argument("--subject", required=True)
    parser.add_argument("--schema", required=True, help="path of an .avsc file")
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as avsc:
        schema_text = avsc.read()
    client = SchemaRegistryClient({
        "url": args.url,
        "basic.auth.user.info": args.user_info,
        "ssl.ca.location": args.ca,
    })
    try:
        schema_id = client.register_schema(args.subject, Schema(schema_text, "AVRO"))
        read_back = client.get_schema(schema_id)
    except SchemaRegistryError as error:
        print(json.dumps({"error_code": error.error_code, "status": error.http_status_code}))
        return 3
    same = fields_of(json.loads(read_back.schema_str)) == fields_of(json.loads(schema_text))
    print(json.dumps({"id": schema_id, "schema_matches": same}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
