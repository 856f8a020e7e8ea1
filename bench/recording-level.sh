#!/usr/bin/env bash
# What metrics.recording.level=debug costs the scorer, measured in one session: RecordingLevelBenchmark
# publishes the Higgs Twitter file (563,069 events) once to an embedded broker, then scores it from the
# beginning with a fresh scorer per run, alternating info and debug, and prints a table of events/s.
#
#   bench/recording-level.sh [RUNS_PER_LEVEL] [INPUT]     (defaults: 3, ../shared/data/higgs-activity_time.txt.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/bench-main.sh

runs=${1:-3}
input=$(realpath "${2:-../shared/data/higgs-activity_time.txt.gz}")

bench_main "bench/recording-level.sh $runs $input" RecordingLevelBenchmark "$input $runs"
