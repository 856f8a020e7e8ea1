package io.influence.scorer.query;

/**
 * Which local copy of a partition's state may answer: the active one only, or a standby replica too,
 * which may lag behind.
 *
 * @param partition the partition that holds the key
 * @param staleAllowed whether a standby (or a restoring active) copy may answer
 */
public record StoreScope(int partition, boolean staleAllowed) {

  public static StoreScope active(int partition) {
    return new StoreScope(partition, false);
  }

  public static StoreScope anyReplica(int partition) {
    return new StoreScope(partition, true);
  }
}
