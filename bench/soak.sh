#!/usr/bin/env bash
# Soak: a scorer fed simulated live traffic at RATE events/s for MINUTES (30 is the bar), sampled
# every minute for heap after GC, state directory bytes, open files and threads (SoakBenchmark).
# Not a test: run it on a quiet machine, and keep its table in RESULTS.md.
#
#   bench/soak.sh RATE [MINUTES]      (default 30 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

rate=$1
minutes=${2:-30}
echo "Command: bench/soak.sh $rate $minutes"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
bench/service-benchmark.sh SoakBenchmark "$rate" "$minutes"
