package io.influence.scorer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileTest {
  @Test
  void summarySharesOnlyStreamThreadSamplesAndCountsASampleForEveryPartOnItsStack() {
    String summary = CpuProfile.summary(List.of(
        "[app-1a2b-StreamThread-1 tid=7];Thread.run;StreamTask.process;RocksDBStore.get;Java_org_rocksdb_RocksDB_get 30",
        "[app-1a2b-StreamThread-1 tid=7];Thread.run;StreamTask.process;io/influence/scorer/model/UserInfluence.receive 10",
        "[app-1a2b-StreamThread-1 tid=7];Thread.run;TaskManager.commit 10",
        "[app-1a2b-GlobalStreamThread tid=8];Thread.run;Java_org_rocksdb_RocksDB_put 1000",
        "[data-plane-kafka-request-handler-1 tid=9];Thread.run 1000"));

    assertThat(summary)
        .contains("50 samples of 2 ms in stream threads (0.1 s on CPU)")
        .contains("| processing records (StreamTask.process) | 80 % |")
        .contains("| commits | 20 % |")
        .contains("| RocksDB, native code | 60 % |")
        .contains("| the model (scorer.model) | 20 % |");
  }
}
