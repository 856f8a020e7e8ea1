package io.influence.scorer.query;

import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.UserInfluence;
import io.influence.scorer.topology.ScoringTopology;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads users' influence from this instance's state stores. */
public final class ScoreQueries {
  private final KafkaStreams streams;
  private final InfluenceParameters parameters;

  public ScoreQueries(KafkaStreams streams, InfluenceParameters parameters) {
    this.streams = streams;
    this.parameters = parameters;
  }

  /**
   * The user's score as of their latest engagement or decay review, if this instance holds it.
   *
   * @throws StoreUnavailableException while the store is migrating or restoring
   */
  public Optional<UserScoreView> user(String userId) {
    UserInfluence.State state;
    try {
      state = store().get(userId);
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException("the score store is not queryable right now (" + streams.state() + ")", e);
    }
    if (state == null || state.latestEventMillis() == Long.MIN_VALUE) {
      return Optional.empty();
    }
    UserInfluence user = UserInfluence.restore(state);
    // As of the latest score published, which a decay review may have moved past the latest event.
    long asOf = user.published() == null ? user.latestEventMillis() : Math.max(user.latestEventMillis(), user.published().atMillis());
    InfluenceSnapshot snapshot = user.snapshotAt(asOf, parameters);
    return Optional.of(UserScoreView.of(snapshot, user.previousPublishedScore()));
  }

  /** Every user this instance holds, as of {@code atMillis}; for exports, not for requests. */
  public void forEachUser(long atMillis, Consumer<InfluenceSnapshot> action) {
    try (KeyValueIterator<String, UserInfluence.State> users = store().all()) {
      users.forEachRemaining(entry -> action.accept(UserInfluence.restore(entry.value).snapshotAt(atMillis, parameters)));
    }
  }

  /**
   * How many users this instance's active stores hold, by RocksDB's estimate (cheap, may be off by a few
   * percent); empty while the stores cannot be queried, during start-up and rebalances.
   */
  public OptionalLong approximateUserCount() {
    try {
      return OptionalLong.of(store().approximateNumEntries());
    } catch (InvalidStateStoreException e) {
      return OptionalLong.empty();
    }
  }

  private ReadOnlyKeyValueStore<String, UserInfluence.State> store() {
    return streams.store(StoreQueryParameters.fromNameAndType(
        ScoringTopology.USER_INFLUENCE_STORE, QueryableStoreTypes.<String, UserInfluence.State>keyValueStore()));
  }
}
