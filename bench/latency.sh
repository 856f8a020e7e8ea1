#!/usr/bin/env bash
# Event->score latency alone, at a chosen rate, for tuning commit.interval: LatencyBenchmark starts one
# embedded broker and registry, then, REPEATS times, sends the Higgs events live at RATE events/s into a
# fresh scorer for a 20 s warm-up and 60 s measured, and prints p50, p99 and max.
#
#   bench/latency.sh RATE [REPEATS] [COMMIT_INTERVAL] [INPUT]
#     defaults: 1 repeat, the service's commit.interval, ../shared/data/higgs-activity_time.txt.gz
set -euo pipefail
cd "$(dirname "$0")/.."

rate=$1
repeats=${2:-1}
commit=${3:-}
input=$(realpath "${4:-../shared/data/higgs-activity_time.txt.gz}")

echo "Command: bench/latency.sh $rate $repeats ${commit:-''} $input"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
bench/service-benchmark.sh LatencyBenchmark "$input" "$rate" "$repeats" $commit
