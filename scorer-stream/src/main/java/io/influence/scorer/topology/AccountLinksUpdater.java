package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import io.influence.scorer.metrics.ScorerMetrics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ScoringTopology#ACCOUNT_LINKS_STORE} global store from the account-links topic: each
 * link under its account key, and again under its person's index key ({@link Identities}), moved when
 * the account is linked to someone else and deleted with its tombstone. Kafka Streams runs this
 * processor again over the topic when it restores the store, so the index is rebuilt with the links.
 *
 * <p>It decodes the records itself: a global store's thread that meets a record it cannot read stops
 * the whole application, on every instance and again at every start, since the record stays in the
 * compacted topic. A record that is not a link keyed by its account is logged, counted
 * ({@link ScorerMetrics#recordSetAside}) and left aside;
 * the account keeps the link it had. Only a registry that cannot be asked stops it, since the record
 * is probably fine.
 */
final class AccountLinksUpdater implements Processor<String, byte[], Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(AccountLinksUpdater.class);
  /** The reason tag of a link whose key is not {@code <network>:<account>}. */
  static final String BAD_KEY = "bad-key";

  private final Deserializer<AccountLink> deserializer;
  private final ScorerMetrics metrics;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, AccountLink> store;

  AccountLinksUpdater(Deserializer<AccountLink> deserializer, ScorerMetrics metrics) {
    this.deserializer = deserializer;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    store = context.getStateStore(ScoringTopology.ACCOUNT_LINKS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String accountKey = record.key();
    if (accountKey == null || !Identities.isAccountKey(accountKey)) {
      // Null, empty, or in the person index's key space, which only this updater writes.
      leaveAside(BAD_KEY, "its key is not <network>:<account>");
      return;
    }
    AccountLink link;
    try {
      link = record.value() == null ? null : deserializer.deserialize(source(), record.headers(), record.value());
    } catch (SerializationException e) {
      if (DecodeFailures.registryUnavailable(e)) {
        throw e;
      }
      leaveAside(DecodeFailures.reason(e).tag(), DecodeFailures.describe(e));
      return;
    }
    AccountLink previous = Identities.linkOf(store, accountKey);
    if (previous != null) {
      store.delete(Identities.personIndexKey(previous.getPersonId(), accountKey));
    }
    if (link == null) {
      store.delete(accountKey);
    } else {
      store.put(accountKey, link);
      store.put(Identities.personIndexKey(link.getPersonId(), accountKey), link);
    }
  }

  private void leaveAside(String reason, String detail) {
    metrics.recordSetAside(source(), reason);
    log.error("Left aside the account link at {} ({}): {}", context.recordMetadata()
        .map(source -> DecodeFailures.position(source.topic(), source.partition(), source.offset())).orElse("an unknown offset"), reason, detail);
  }

  private String source() {
    return context.recordMetadata().map(source -> source.topic()).orElse(ScoringTopology.ACCOUNT_LINKS_STORE);
  }
}
