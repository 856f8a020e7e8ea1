package io.influence.scorer.query;

import io.influence.schema.AccountLink;
import io.influence.scorer.model.DailyActivity;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.ScoredUser;
import io.influence.scorer.model.UserInfluence;
import io.influence.scorer.topology.Identities;
import io.influence.scorer.topology.ScoringTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads users' influence from this instance's state stores: one partition's copy, active or standby
 * as the {@link StoreScope} allows. Which instance to ask is {@link UserRouter}'s business.
 */
public final class ScoreQueries {
  private final KafkaStreams streams;
  private final InfluenceParameters parameters;

  public ScoreQueries(KafkaStreams streams, InfluenceParameters parameters) {
    this.streams = streams;
    this.parameters = parameters;
  }

  /**
   * The user's score as of their latest engagement or decay review.
   *
   * @throws StoreUnavailableException while no copy of the partition the scope allows is queryable here
   */
  public Optional<UserScoreView> user(String userId, StoreScope scope) {
    return latest(userId, scope).map(found -> UserScoreView.of(found.snapshot(), found.user().previousPublishedScore()));
  }

  /**
   * Who lifted the user most, and the latest engagements that changed their score; people who asked to
   * be forgotten are left out, though what they gave still counts until it decays.
   */
  public Optional<UserExplanation> explain(String userId, StoreScope scope) {
    ReadOnlyKeyValueStore<String, Long> erased = erasedUsers();
    return latest(userId, scope).map(found -> UserExplanation.of(found.user(), found.snapshot(), parameters,
        actorId -> erased.get(actorId) == null));
  }

  /**
   * The user's last {@code days} days, ending on the latest day they have: the score at the end of
   * each day and the engagement received on it. Empty if the user has no history.
   */
  public Optional<UserHistory> history(String userId, int days, StoreScope scope) {
    // The day in progress first: if it moves to the daily-activity store between the two reads, the
    // store's copy, read second, is the one kept, and no day goes missing.
    List<DailyActivity> stored = new ArrayList<>();
    ScoredUser user = scoredUser(userId, scope);
    if (user != null && user.currentDay() != null) {
      stored.add(user.currentDay());
    }
    ReadOnlyWindowStore<String, DailyActivity> store = store(ScoringTopology.DAILY_ACTIVITY_STORE, QueryableStoreTypes.windowStore(), scope);
    try (WindowStoreIterator<DailyActivity> windows = store.fetch(userId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
      windows.forEachRemaining(window -> stored.add(window.value));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    return stored.isEmpty() ? Optional.empty() : Optional.of(UserHistory.of(userId, stored, days));
  }

  /**
   * The accounts linked to {@code userId}, in the order of their keys. The links are a global store, so
   * any instance answers, from the store's index of each person's accounts.
   */
  public LinkedAccounts accounts(String userId) {
    try {
      List<LinkedAccounts.Account> accounts = Identities.linksOf(streams.store(StoreQueryParameters.fromNameAndType(
              ScoringTopology.ACCOUNT_LINKS_STORE, QueryableStoreTypes.<String, AccountLink>keyValueStore())), userId)
          .stream()
          .map(link -> new LinkedAccounts.Account(link.getNetwork(), link.getAccount(), link.getLinkedAt()))
          .toList();
      return new LinkedAccounts(userId, accounts);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  /** Every user this instance's active stores hold, as of {@code atMillis}; for exports, not for requests. */
  public void forEachUser(long atMillis, Consumer<InfluenceSnapshot> action) {
    try (KeyValueIterator<String, ScoredUser> users = activeUsers().all()) {
      users.forEachRemaining(entry -> action.accept(UserInfluence.restore(entry.value.influence()).snapshotAt(atMillis, parameters)));
    }
  }

  /**
   * How many users this instance's active stores hold, by RocksDB's estimate (cheap, may be off by a few
   * percent); empty while the stores cannot be queried, during start-up and rebalances.
   */
  public OptionalLong approximateUserCount() {
    try {
      return OptionalLong.of(activeUsers().approximateNumEntries());
    } catch (InvalidStateStoreException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * How many entries the store {@code name} holds on this instance, standby copies included, by RocksDB's
   * estimate; empty while it cannot be queried. A global store holds every key on every instance.
   */
  public OptionalLong approximateEntries(String name) {
    try {
      return OptionalLong.of(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore())
          .enableStaleStores()).approximateNumEntries());
    } catch (InvalidStateStoreException e) {
      return OptionalLong.empty();
    }
  }

  private ScoredUser scoredUser(String userId, StoreScope scope) {
    try {
      return store(ScoringTopology.USER_INFLUENCE_STORE, QueryableStoreTypes.<String, ScoredUser>keyValueStore(), scope).get(userId);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private Optional<Latest> latest(String userId, StoreScope scope) {
    ScoredUser stored = scoredUser(userId, scope);
    if (stored == null || stored.influence().latestEventMillis() == Long.MIN_VALUE) {
      return Optional.empty();
    }
    UserInfluence user = UserInfluence.restore(stored.influence());
    // As of the latest score published, which a decay review may have moved past the latest event.
    long asOf = user.published() == null ? user.latestEventMillis() : Math.max(user.latestEventMillis(), user.published().atMillis());
    return Optional.of(new Latest(user, user.snapshotAt(asOf, parameters)));
  }

  private ReadOnlyKeyValueStore<String, Long> erasedUsers() {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(
          ScoringTopology.ERASED_USERS_STORE, QueryableStoreTypes.<String, Long>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private ReadOnlyKeyValueStore<String, ScoredUser> activeUsers() {
    return streams.store(StoreQueryParameters.fromNameAndType(
        ScoringTopology.USER_INFLUENCE_STORE, QueryableStoreTypes.<String, ScoredUser>keyValueStore()));
  }

  private <T> T store(String name, QueryableStoreType<T> type, StoreScope scope) {
    StoreQueryParameters<T> query = StoreQueryParameters.fromNameAndType(name, type).withPartition(scope.partition());
    try {
      return streams.store(scope.staleAllowed() ? query.enableStaleStores() : query);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private StoreUnavailableException unavailable(InvalidStateStoreException e) {
    return new StoreUnavailableException("the state is not queryable on this instance right now (" + streams.state() + ")", e);
  }

  private record Latest(UserInfluence user, InfluenceSnapshot snapshot) {}
}
