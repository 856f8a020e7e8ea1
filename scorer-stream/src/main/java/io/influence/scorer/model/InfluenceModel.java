package io.influence.scorer.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole model in one place, for offline use ({@code recompute}) and for tests of laws that span
 * users: every user's influence, every actor's daily activity, every actor→target pair, and the event
 * ids seen. The streaming topology keeps the same pieces in state stores spread over partitions; both
 * apply an engagement through the same steps, in this order:
 * duplicate check → actor's score → actor's selectivity → pair repetition → target's influence.
 *
 * <p>An actor's weight comes from the scores <em>published</em> for them ({@link PublishedScore}), as
 * in the stream, where they are read back from the scores topic.
 */
public final class InfluenceModel {
  private final InfluenceParameters parameters;
  private final double minScoreChange;
  private final Map<String, UserInfluence> users = new HashMap<>();
  private final Map<String, ActorActivity> actors = new HashMap<>();
  private final Map<String, PairHistory> pairs = new HashMap<>();
  private final Set<String> seenEventIds = new HashSet<>();

  public InfluenceModel(InfluenceParameters parameters, double minScoreChange) {
    this.parameters = parameters;
    this.minScoreChange = minScoreChange;
  }

  public InfluenceParameters parameters() {
    return parameters;
  }

  /**
   * Applies one interaction. Its {@code actorScore} and {@code actorSelectivity} are ignored: the
   * model supplies them from what it knows.
   */
  public Contribution apply(Engagement interaction) {
    if (!seenEventIds.add(interaction.eventId())) {
      return Contribution.duplicate();
    }
    if (interaction.isSelfInteraction()) {
      return UserInfluence.newUser(interaction.targetId()).receive(interaction, 1.0, parameters);
    }
    UserInfluence target = users.computeIfAbsent(interaction.targetId(), UserInfluence::newUser);
    double selectivity = 1.0;
    if (ActorActivity.isCounted(interaction.type())) {
      ActorActivity activity = actors.getOrDefault(interaction.actorId(), ActorActivity.none())
          .after(interaction.type(), interaction.occurredAtMillis());
      actors.put(interaction.actorId(), activity);
      selectivity = activity.selectivity(interaction.type(), parameters.selectivityFreeActions());
    }
    Engagement engagement = new Engagement(interaction.eventId(), interaction.network(), interaction.type(),
        interaction.actorId(), interaction.targetId(), interaction.topics(), interaction.occurredAtMillis(),
        actorScoreAt(interaction.actorId(), interaction.occurredAtMillis()), selectivity);

    String pairKey = interaction.targetId() + '\u0000' + interaction.actorId();
    PairHistory pair = pairs.getOrDefault(pairKey, PairHistory.none());
    long at = interaction.occurredAtMillis();
    Contribution contribution = target.receive(engagement, pair.repetitionFactor(at, parameters), parameters);
    if (contribution.outcome() == Contribution.Outcome.SCORED) {
      pairs.put(pairKey, pair.after(at, parameters));
    }
    if (contribution.outcome() != Contribution.Outcome.IGNORED) {
      InfluenceSnapshot snapshot = target.snapshotAt(target.latestEventMillis(), parameters);
      if (target.isWorthPublishing(snapshot, minScoreChange)) {
        target.markPublished(snapshot);
      }
    }
    return contribution;
  }

  /** The score {@code userId}'s engagement at {@code atMillis} is weighed by ({@link PublishedScore#asSeenAt}). */
  public double actorScoreAt(String userId, long atMillis) {
    UserInfluence user = users.get(userId);
    double prior = parameters.actorWeighting().priorScore();
    return user == null || user.published() == null ? prior : user.published().asSeenAt(atMillis, prior);
  }

  /** {@code userId}'s score as of {@code atMillis}, 1 for a user who received nothing. */
  public double scoreAt(String userId, long atMillis) {
    UserInfluence user = users.get(userId);
    return user == null ? parameters.scale().score(0) : user.snapshotAt(atMillis, parameters).score();
  }

  public UserInfluence user(String userId) {
    return users.get(userId);
  }

  /** Every user's snapshot as of {@code atMillis}. */
  public void forEachUser(long atMillis, Consumer<InfluenceSnapshot> action) {
    users.values().forEach(user -> action.accept(user.snapshotAt(atMillis, parameters)));
  }
}
