package io.influence.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * What every benchmark here measures and how: operations (events) per second, in one fork with a
 * fixed heap, so that heap sizing does not change between runs on machines of different memory. JMH
 * annotations are inherited; each benchmark sets its own warm-up and measurement times.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
abstract class OneThreadThroughput {
}
