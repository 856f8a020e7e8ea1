package io.influence.scorer.topology;

import io.influence.schema.ErasureRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link ScoringTopology#ERASED_USERS_STORE} global store: every user asked to be forgotten,
 * with when it was asked. Every task reads it, so that an erased user's engagements stop counting
 * wherever they arrive, and every instance's queries hide the user. A tombstone on the erasure topic
 * lifts the erasure (for a request made by mistake); what was erased stays erased.
 */
final class ErasedUsersUpdater implements Processor<String, ErasureRequest, Void, Void> {
  private KeyValueStore<String, Long> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ScoringTopology.ERASED_USERS_STORE);
  }

  @Override
  public void process(Record<String, ErasureRequest> record) {
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value().getRequestedAt().toEpochMilli());
    }
  }
}
