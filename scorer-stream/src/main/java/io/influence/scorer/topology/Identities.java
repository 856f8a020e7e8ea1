package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Who a network account is. An account that a person linked belongs to that person's id; any other
 * account is its own user, {@code <network>:<account>} with the network in lower case.
 *
 * <p>The {@link ScoringTopology#ACCOUNT_LINKS_STORE} global store holds each link twice: under its
 * account key, which resolves events, and under a person index key, which lists a person's accounts
 * with a prefix scan instead of a scan of every link. Index keys start with {@value #PERSON_INDEX_MARK},
 * which no account key found in an event is taken for.
 */
public final class Identities {
  private static final char PERSON_INDEX_MARK = '\u0000';

  private Identities() {}

  /** The key of an account in the account-links topic, and the user id of an unlinked account. */
  public static String accountKey(String network, String account) {
    return network.strip().toLowerCase(Locale.ROOT) + ":" + account;
  }

  public static String userId(String network, String account, AccountLink link) {
    return link != null ? link.getPersonId() : accountKey(network, account);
  }

  /** The link of {@code accountKey} in the account-links store; null if nobody linked it. */
  static AccountLink linkOf(ReadOnlyKeyValueStore<String, AccountLink> links, String accountKey) {
    return isAccountKey(accountKey) ? links.get(accountKey) : null;
  }

  /** Whether {@code key} can name an account in the account-links store, rather than an entry of its person index. */
  static boolean isAccountKey(String key) {
    return !key.isEmpty() && key.charAt(0) != PERSON_INDEX_MARK;
  }

  /** The links of {@code personId}'s accounts in the account-links store, in the order of their account keys. */
  public static List<AccountLink> linksOf(ReadOnlyKeyValueStore<String, AccountLink> links, String personId) {
    List<AccountLink> found = new ArrayList<>();
    try (KeyValueIterator<String, AccountLink> indexed = links.prefixScan(personIndexPrefix(personId), new StringSerializer())) {
      // A person id may itself hold the index's separator: the link says whose it is.
      indexed.forEachRemaining(entry -> {
        if (personId.equals(entry.value.getPersonId())) {
          found.add(entry.value);
        }
      });
    }
    return found;
  }

  private static String personIndexPrefix(String personId) {
    return PERSON_INDEX_MARK + personId + PERSON_INDEX_MARK;
  }

  static String personIndexKey(String personId, String accountKey) {
    return personIndexPrefix(personId) + accountKey;
  }
}
