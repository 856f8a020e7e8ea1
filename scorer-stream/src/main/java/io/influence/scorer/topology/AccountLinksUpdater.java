package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
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
 */
final class AccountLinksUpdater implements Processor<String, AccountLink, Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(AccountLinksUpdater.class);
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, AccountLink> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    store = context.getStateStore(ScoringTopology.ACCOUNT_LINKS_STORE);
  }

  @Override
  public void process(Record<String, AccountLink> record) {
    String accountKey = record.key();
    if (accountKey == null || !Identities.isAccountKey(accountKey)) {
      // Null, empty, or in the person index's key space, which only this updater writes.
      log.warn("Ignored an account link at {}: its key is not <network>:<account>",
          context.recordMetadata().map(source -> source.topic() + "-" + source.partition() + "@" + source.offset()).orElse("an unknown offset"));
      return;
    }
    AccountLink previous = Identities.linkOf(store, accountKey);
    if (previous != null) {
      store.delete(Identities.personIndexKey(previous.getPersonId(), accountKey));
    }
    if (record.value() == null) {
      store.delete(accountKey);
    } else {
      store.put(accountKey, record.value());
      store.put(Identities.personIndexKey(record.value().getPersonId(), accountKey), record.value());
    }
  }
}
