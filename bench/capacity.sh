#!/usr/bin/env bash
# What the capacity model of docs/OPERATIONS.md ("Memory and capacity") rests on: CapacityBenchmark scores
# one share to each of USERS synthetic users with one instance, prints the bytes each store holds per user,
# then times a second instance's restore of every store from the changelogs onto an empty disk.
#
#   bench/capacity.sh [USERS] [COMMIT_INTERVAL]
#     defaults: 1000000, the service's commit.interval
set -euo pipefail
cd "$(dirname "$0")/.."

users=${1:-1000000}
commit=${2:-}

echo "Command: ${BENCH_SETTINGS:+BENCH_SETTINGS=$BENCH_SETTINGS }bench/capacity.sh $users ${commit:-''}"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
bench/service-benchmark.sh CapacityBenchmark "$users" $commit
