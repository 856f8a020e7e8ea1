package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class CausesTest {
  @Test
  void findsTheFirstCauseOfTheTypeHoweverDeepItIsWrapped() {
    IOException deepest = new IOException("disk gone");
    UncheckedIOException wrapped = new UncheckedIOException("cannot write", deepest);
    StreamsException thrown = new StreamsException("task 0_1 failed", wrapped);

    assertThat(Causes.firstOfType(thrown, IOException.class)).containsSame(deepest);
    assertThat(Causes.firstOfType(thrown, RuntimeException.class)).containsSame(thrown);
  }

  @Test
  void isEmptyWhenNoCauseIsOfTheType() {
    assertThat(Causes.firstOfType(new StreamsException("task 0_1 failed", new IllegalStateException("closed")), IOException.class))
        .isEmpty();
  }
}
