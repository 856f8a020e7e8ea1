#!/usr/bin/env bash
# The full topology's performance goals, measured in one session on one embedded broker: TopologyBenchmark
# publishes the Higgs Twitter file (563,069 events) once, then, per round, reads it from the beginning with
# a plain groupByKey().count() application (values as bytes, and decoded from Avro), a floor doing only
# the records and store writes the requirements force (no model; and again with the user's day kept in
# their state), a floor making the scorer's own records and store calls (no model) and a fresh scorer,
# in alternating order; prints events/s and the ratio to the plain application, the bytes per user of every store after
# each scorer's replay, and the event->score latency of a scorer fed the same events live at half its
# median rate.
#
#   bench/topology.sh [ROUNDS] [COMMIT_INTERVAL] [INPUT]
#     defaults: 2, the service's commit.interval, ../shared/data/higgs-activity_time.txt.gz
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-2}
commit=${2:-}
input=$(realpath "${3:-../shared/data/higgs-activity_time.txt.gz}")

echo "Command: ${BENCH_SETTINGS:+BENCH_SETTINGS=$BENCH_SETTINGS }bench/topology.sh $rounds ${commit:-''} $input"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
bench/service-benchmark.sh TopologyBenchmark "$input" "$rounds" $commit
