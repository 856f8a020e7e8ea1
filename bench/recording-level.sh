#!/usr/bin/env bash
# What metrics.recording.level=debug costs the scorer, measured in one session: RecordingLevelBenchmark
# publishes the Higgs Twitter file (563,069 events) once to an embedded broker, then scores it from the
# beginning with a fresh scorer per run, alternating info and debug, and prints a table of events/s.
#
#   bench/recording-level.sh [RUNS_PER_LEVEL] [INPUT]     (defaults: 3, ../shared/data/higgs-activity_time.txt.gz)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
input=$(realpath "${2:-../shared/data/higgs-activity_time.txt.gz}")

echo "Command: bench/recording-level.sh $runs $input"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
./mvnw -B -q test-compile exec:java -pl scorer-stream \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=io.influence.scorer.bench.RecordingLevelBenchmark \
  -Dexec.args="$input $runs" \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=java.lang,java.math,java.io,java.net,org.apache.avro.reflect,io.influence
