#!/usr/bin/env bash
# The latency of interactive queries under concurrency, local against forwarded, in one session:
# QueryLatencyBenchmark starts an embedded broker and two scorer instances (A and B, standby.replicas=1),
# publishes the first EVENTS events of the Higgs Twitter file, sorts the users by the instance that owns
# them, then runs wrk (with query-latency.lua) against A: users A owns (local lookups) and users B owns
# (forwarded by A to B), at each connection count, and prints a table of latency percentiles and req/s.
# wrk, the broker and both instances share this machine's cores.
#
#   bench/query-latency.sh [SECONDS] [CONNECTIONS] [EVENTS] [INPUT]
#       defaults: 20 s per run, connections 16,4 (a pair of runs each), 30000 events (4,269 users),
#       ../shared/data/higgs-activity_time.txt.gz; wrk -t2, a WARMUP=10 s warm-up per query; WRK=/usr/bin/wrk
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
connections=${2:-16,4}
events=${3:-30000}
input=$(realpath "${4:-../shared/data/higgs-activity_time.txt.gz}")
wrk=${WRK:-/usr/bin/wrk}
warm_up=${WARMUP:-10}

echo "wrk: $($wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "Command: bench/query-latency.sh $seconds $connections $events $input"
bench/service-benchmark.sh QueryLatencyBenchmark "$input" "$events" 2 "$connections" "$seconds" "$warm_up" \
  "$PWD/bench/query-latency.lua" "$PWD/bench/target/query-latency" "$wrk"
