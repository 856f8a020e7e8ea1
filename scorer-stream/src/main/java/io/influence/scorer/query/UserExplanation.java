package io.influence.scorer.query;

import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.InfluenceScale;
import io.influence.scorer.model.InfluenceSnapshot;
import io.influence.scorer.model.UserInfluence;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Why a user has their score, as {@code GET /v1/users/{userId}/explain} returns it.
 *
 * @param topContributors who lifted the user most within the window, strongest first
 * @param recentCauses the latest engagements that changed the score, newest first
 */
public record UserExplanation(
    String userId,
    double score,
    double influence,
    Instant updatedAt,
    List<ContributorView> topContributors,
    List<CauseView> recentCauses) {

  /**
   * One contributor.
   *
   * @param influence the raw influence they gave, decayed to {@code updatedAt}
   * @param points how far the score would fall without it: the score less the score of the influence
   *     without theirs (the scale is logarithmic, so these do not add up to the score)
   */
  public record ContributorView(String actorId, double influence, double points) {}

  /** One engagement that changed the score, with the raw influence it added at its own time. */
  public record CauseView(String eventId, String actorId, String type, double contribution, Instant occurredAt) {}

  /** The explanation of {@code user}'s score, naming only the actors {@code shown} accepts. */
  static UserExplanation of(UserInfluence user, InfluenceSnapshot snapshot, InfluenceParameters parameters, Predicate<String> shown) {
    InfluenceScale scale = parameters.scale();
    List<ContributorView> contributors = user.topContributors(snapshot.asOfMillis(), parameters).stream()
        .filter(c -> shown.test(c.actorId()))
        .map(c -> new ContributorView(c.actorId(), ApiFormat.influence(c.influence()),
            ApiFormat.score(snapshot.score() - scale.score(Math.max(0, snapshot.influence() - c.influence())))))
        .toList();
    List<CauseView> causes = user.recentCauses().stream()
        .filter(c -> shown.test(c.actorId()))
        .map(c -> new CauseView(c.eventId(), c.actorId(), ApiFormat.type(c.type()), ApiFormat.influence(c.contribution()),
            Instant.ofEpochMilli(c.atMillis())))
        .toList();
    return new UserExplanation(user.userId(), ApiFormat.score(snapshot.score()), ApiFormat.influence(snapshot.influence()),
        Instant.ofEpochMilli(snapshot.asOfMillis()), contributors, causes);
  }
}
