# Sourced by the whole-service benchmarks (recording-level.sh, query-latency.sh), from the project root.
#
#   bench_main COMMAND MAIN_CLASS ARGS
#
# prints the command and the machine (cores, load average, JDK), then runs MAIN_CLASS of
# io.influence.scorer.bench, from scorer-stream's test scope, with ARGS.
bench_main() {
  local command=$1 main=$2 args=$3
  echo "Command: $command"
  echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  ./mvnw -B -q test-compile exec:java -pl scorer-stream \
    -Dexec.classpathScope=test \
    -Dexec.mainClass="io.influence.scorer.bench.$main" \
    -Dexec.args="$args" \
    -Dorg.apache.avro.SERIALIZABLE_PACKAGES=java.lang,java.math,java.io,java.net,org.apache.avro.reflect,io.influence
}
