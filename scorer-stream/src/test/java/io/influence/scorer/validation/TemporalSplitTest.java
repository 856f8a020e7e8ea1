package io.influence.scorer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.influence.connector.SnapActivityReader;
import io.influence.scorer.model.InfluenceModel;
import io.influence.scorer.model.InfluenceParameters;
import io.influence.scorer.model.TopicDictionary;
import io.influence.scorer.validation.TemporalSplit.SplitData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalSplitTest {
  private static final Instant SPLIT = Instant.ofEpochSecond(1_000);

  @TempDir Path directory;

  private SnapActivityReader snapFile(String... lines) throws IOException {
    return new SnapActivityReader(Files.write(directory.resolve("activity.txt"), List.of(lines)));
  }

  /** A split of a fresh model with the default parameters. */
  private static TemporalSplit atSplit() {
    return atSplit(Optional.empty());
  }

  private static TemporalSplit atSplit(Optional<Duration> horizon) {
    return new TemporalSplit(new InfluenceModel(InfluenceParameters.defaults(), 0.01), TopicDictionary.empty(), SPLIT, horizon);
  }

  private static Map<String, UserAtSplit> byId(SplitData data) {
    return data.users().stream().collect(Collectors.toMap(UserAtSplit::userId, Function.identity()));
  }

  @Test
  void usersEngagedByOthersBeforeTheSplitAreJudgedByTheDistinctOthersWhoEngageThemFromTheSplitOn() throws IOException {
    SplitData data = atSplit().run(snapFile(
        "a b 100 RT",
        "c b 200 MT",
        "a b 300 RT",
        "b b 400 RT",
        "d d 500 RT",
        "a e 600 RE",
        "b b 1000 RT",
        "x b 1000 RT",
        "y b 1500 MT",
        "x b 1600 RT",
        "a f 1700 RT"));

    Map<String, UserAtSplit> users = byId(data);
    assertThat(users).as("d only engaged themself, f only after the split").containsOnlyKeys("twitter:b", "twitter:e");
    UserAtSplit b = users.get("twitter:b");
    assertThat(b.received()).as("b's own retweet does not count").isEqualTo(3);
    assertThat(b.actors()).isEqualTo(2);
    assertThat(b.actorsAfter()).as("x twice and y; b's own retweet does not count").isEqualTo(2);
    UserAtSplit e = users.get("twitter:e");
    assertThat(e.received()).isEqualTo(1);
    assertThat(e.actorsAfter()).isZero();
    assertThat(b.score()).isGreaterThan(e.score());
    assertThat(e.score()).isGreaterThan(1.0);
    assertThat(data.truthEnd()).isEqualTo(Instant.ofEpochSecond(1_700));
  }

  @Test
  void onlyUsersEngagedInTheNinetyDaysBeforeTheSplitAreJudgedAndTheWindowedBaselinesCountOnlyThose() throws IOException {
    long day = 86_400;
    SplitData data = new TemporalSplit(new InfluenceModel(InfluenceParameters.defaults(), 0.01), TopicDictionary.empty(),
        Instant.ofEpochSecond(200 * day), Optional.empty()).run(snapFile(
            "a old 1000 RT",
            "a both 2000 RT",
            "b both " + (150 * day) + " RT",
            "c both " + (151 * day) + " RT",
            "x both " + (201 * day) + " RT"));

    Map<String, UserAtSplit> users = byId(data);
    assertThat(users).as("old was last engaged 200 days before the split").containsOnlyKeys("twitter:both");
    UserAtSplit both = users.get("twitter:both");
    assertThat(both.received()).isEqualTo(3);
    assertThat(both.receivedRecently()).isEqualTo(2);
    assertThat(both.actors()).isEqualTo(3);
    assertThat(both.actorsRecently()).isEqualTo(2);
    assertThat(both.decayedWeek()).isLessThan(both.decayedMonth()).isLessThan(1.0);
    assertThat(both.pageRank()).isPositive();
  }

  @Test
  void theHorizonEndsTheGroundTruth() throws IOException {
    SplitData data = atSplit(Optional.of(Duration.ofSeconds(500))).run(snapFile("a b 100 RT", "x b 1200 RT", "y b 1600 RT"));

    assertThat(byId(data).get("twitter:b").actorsAfter()).as("y came after the horizon").isEqualTo(1);
    assertThat(data.truthEnd()).isEqualTo(Instant.ofEpochSecond(1_500));
  }

  @Test
  void theScoreAtTheSplitKnowsNothingOfWhatCameAfter() throws IOException {
    SplitData shortFile = atSplit().run(snapFile("a b 100 RT", "c b 200 MT"));
    SplitData longFile = atSplit().run(snapFile("a b 100 RT", "c b 200 MT", "x b 1000 RT", "y b 1001 RT"));

    assertThat(byId(longFile).get("twitter:b").score()).isEqualTo(byId(shortFile).get("twitter:b").score());
  }

  @Test
  void linesThatAreNotEventsAreCountedAndSkipped() throws IOException {
    SplitData data = atSplit().run(snapFile("a b 100 RT", "not an event", "c b 1200 RT"));

    assertThat(data.rejectedLines()).isEqualTo(1);
    assertThat(byId(data).get("twitter:b").actorsAfter()).isEqualTo(1);
  }

  @Test
  void theMedianEventTimeHasHalfTheEventsBeforeIt() throws IOException {
    assertThat(TemporalSplit.medianEventTime(snapFile("a b 10 RT", "a b 20 RT", "a b 30 RT", "a b 40 RT")))
        .isEqualTo(Instant.ofEpochSecond(30));
  }
}
