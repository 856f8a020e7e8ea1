package io.influence.scorer.topology;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class SingleStartTasksTest {
  private static final TaskId TASK = new TaskId(1, 2);

  @Test
  void withoutChangelogsEachTaskStartsOnce() {
    SingleStartTasks tasks = new SingleStartTasks(false);
    tasks.started(TASK);
    tasks.started(new TaskId(1, 3));

    assertThatThrownBy(() -> tasks.started(TASK))
        .isInstanceOf(LostStateException.class)
        .hasMessageStartingWith("task 1_2 started a second time in this instance")
        .hasMessageContaining("state.changelogs=true");
  }

  @Test
  void withChangelogsATaskMayStartAgainOnItsRestoredStores() {
    SingleStartTasks tasks = new SingleStartTasks(true);
    tasks.started(TASK);

    assertThatCode(() -> tasks.started(TASK)).doesNotThrowAnyException();
  }
}
