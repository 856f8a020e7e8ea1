package io.influence.scorer.topology;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Without changelogs ({@code state.changelogs=false}) nothing can rebuild a task's stores: they hold what
 * the task processed since it first started in this instance, and only that. A task that starts again,
 * revived after an aborted transaction or moved away and back, would resume from its last committed
 * offsets on stores that Kafka Streams wiped or that miss what came between. So the second start of a
 * stateful task fails with {@link LostStateException}, and the instance stops rather than score on lost
 * state. With changelogs every start is fine: the stores are restored first.
 */
final class SingleStartTasks {
  private final boolean changelogs;
  private final Set<TaskId> started = ConcurrentHashMap.newKeySet();

  SingleStartTasks(boolean changelogs) {
    this.changelogs = changelogs;
  }

  /** Called as a stateful task initialises its processors; throws if it has done so before without changelogs. */
  void started(TaskId task) {
    if (!changelogs && !started.add(task)) {
      throw new LostStateException("task " + task + " started a second time in this instance, and without changelogs "
          + "(state.changelogs=false) its stores cannot be rebuilt: stopping rather than scoring on lost state. "
          + "Run again, or with state.changelogs=true");
    }
  }
}
