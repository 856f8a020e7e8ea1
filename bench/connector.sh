#!/usr/bin/env bash
# The Bluesky connector's throughput: ConnectorBenchmark maps and serializes recorded Jetstream frames
# (renumbered) on one thread, then runs the whole connector against a local WebSocket server, publishing
# to the embedded broker in transactions with its cursor, and prints frames/s for each.
#
#   bench/connector.sh [FRAMES]     default 200000
set -euo pipefail
cd "$(dirname "$0")/.."

frames=${1:-200000}
echo "Command: bench/connector.sh $frames"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
bench/service-benchmark.sh ConnectorBenchmark "$frames"
