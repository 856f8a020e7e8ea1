package io.influence.scorer.query;

import java.time.Instant;
import java.util.List;

/**
 * The network accounts linked to a user ({@code GET /v1/users/{userId}/accounts}): the accounts whose
 * engagement counts towards one score, as a person connects their networks.
 */
public record LinkedAccounts(String userId, List<Account> accounts) {

  /** One linked account, and when it was connected. */
  public record Account(String network, String account, Instant linkedAt) {}
}
