package io.influence.scorer.topology;

import io.influence.schema.AccountLink;
import java.util.Locale;

/**
 * Who a network account is. An account that a person linked belongs to that person's id; any other
 * account is its own user, {@code <network>:<account>} with the network in lower case.
 */
public final class Identities {
  private Identities() {}

  /** The key of an account in the account-links topic, and the user id of an unlinked account. */
  public static String accountKey(String network, String account) {
    return network.strip().toLowerCase(Locale.ROOT) + ":" + account;
  }

  public static String userId(String network, String account, AccountLink link) {
    return link != null ? link.getPersonId() : accountKey(network, account);
  }
}
