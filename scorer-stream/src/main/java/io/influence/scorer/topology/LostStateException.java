package io.influence.scorer.topology;

/** A task's stores lost what they held and nothing can rebuild them ({@link SingleStartTasks}): the instance must stop. */
public final class LostStateException extends IllegalStateException {
  LostStateException(String message) {
    super(message);
  }
}
