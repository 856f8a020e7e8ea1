#!/usr/bin/env bash
# Runs one whole-service benchmark (a main class in scorer-stream's test sources, package
# io.influence.scorer.bench) on the test classpath, after a line about the machine it runs on.
#
#   bench/service-benchmark.sh CLASS ARGUMENTS...      (used by recording-level.sh and topology.sh)
#
# PROFILE_DIR=dir: TopologyBenchmark profiles each counted run into dir (CpuProfile: async-profiler,
# from Maven Central like every other dependency).
# BENCH_SETTINGS=key=value,...: scorer settings to run the scorers with (e.g. state.store=memory).
set -euo pipefail
cd "$(dirname "$0")/.."

class=$1
shift
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1)"
./mvnw -B -q test-compile exec:java -pl scorer-stream \
  -Dexec.classpathScope=test \
  -Dexec.mainClass="io.influence.scorer.bench.$class" \
  -Dexec.args="$*" \
  ${PROFILE_DIR:+-Dbench.profile.dir="$(realpath -m "$PROFILE_DIR")"} \
  ${BENCH_SETTINGS:+-Dbench.settings="$BENCH_SETTINGS"} \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=java.lang,java.math,java.io,java.net,org.apache.avro.reflect,io.influence
