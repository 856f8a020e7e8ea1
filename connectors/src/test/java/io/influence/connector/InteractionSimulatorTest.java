package io.influence.connector;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InteractionSimulatorTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final int SAMPLE_SIZE = 50_000;

  /** One large sample, shared by the tests that measure the stream's statistics. */
  private static List<InteractionEvent> sample;

  @BeforeAll
  static void drawSample() {
    sample = draw(new InteractionSimulator(42, CLOCK), SAMPLE_SIZE);
  }

  @Test
  void theSameSeedAndClockGiveTheSameEventsAndAnotherSeedDoesNot() {
    List<InteractionEvent> first = draw(new InteractionSimulator(7, CLOCK), 2_000);
    List<InteractionEvent> again = draw(new InteractionSimulator(7, CLOCK), 2_000);
    List<InteractionEvent> otherSeed = draw(new InteractionSimulator(8, CLOCK), 2_000);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void everyNetworkAndEveryInteractionTypeAppears() {
    assertThat(sample).extracting(InteractionEvent::getNetwork).isSubsetOf(InteractionSimulator.NETWORKS)
        .containsAll(InteractionSimulator.NETWORKS);
    assertThat(sample).extracting(InteractionEvent::getType)
        .containsAll(Arrays.stream(InteractionType.values()).filter(type -> type != InteractionType.UNKNOWN).toList())
        .doesNotContain(InteractionType.UNKNOWN);
  }

  @Test
  void networksMixInteractionTypesDifferently() {
    Map<String, Double> likeShareByNetwork = sample.stream().collect(groupingBy(InteractionEvent::getNetwork,
        Collectors.averagingDouble(event -> event.getType() == InteractionType.LIKE ? 1 : 0)));

    assertThat(likeShareByNetwork.get("instagram")).isGreaterThan(likeShareByNetwork.get("twitter") + 0.1);
    assertThat(sample).filteredOn(event -> event.getNetwork().equals("twitter"))
        .extracting(InteractionEvent::getType).doesNotContain(InteractionType.COMMENT);
  }

  @Test
  void onlyPostsHaveNoTarget() {
    assertThat(sample).allSatisfy(event ->
        assertThat(event.getTargetAccount() == null).isEqualTo(event.getType() == InteractionType.POST));
  }

  @Test
  void theTopOnePercentOfTargetsReceiveMostOfTheAttention() {
    List<Long> receivedPerTarget = countsPerTarget().values().stream().sorted(Comparator.reverseOrder()).toList();
    long total = receivedPerTarget.stream().mapToLong(Long::longValue).sum();
    long topOnePercent = receivedPerTarget.stream().limit(receivedPerTarget.size() / 100).mapToLong(Long::longValue).sum();

    assertThat((double) topOnePercent / total).isGreaterThan(0.5);
  }

  @Test
  void theCelebritiesAreTheMostTargetedAccounts() {
    InteractionSimulator simulator = new InteractionSimulator(42, CLOCK);

    List<String> mostTargeted = countsPerTarget().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(simulator.celebrityAccounts().size())
        .map(Map.Entry::getKey)
        .toList();

    assertThat(mostTargeted).containsExactlyInAnyOrderElementsOf(simulator.celebrityAccounts());
  }

  @Test
  void someEventsAreRedeliveredUnchangedButRarely() {
    Map<String, List<InteractionEvent>> byEventId = sample.stream().collect(groupingBy(InteractionEvent::getEventId));
    List<List<InteractionEvent>> redelivered = byEventId.values().stream().filter(copies -> copies.size() > 1).toList();

    assertThat(redelivered).isNotEmpty();
    assertThat(redelivered).allSatisfy(copies -> assertThat(copies).containsOnly(copies.get(0)));
    assertThat(sample.size() - byEventId.size()).isLessThan(SAMPLE_SIZE / 100);
  }

  @Test
  void someInteractionsAreSelfInteractionsButRarely() {
    long selfInteractions = sample.stream()
        .filter(event -> event.getActorAccount().equals(event.getTargetAccount())).count();

    assertThat(selfInteractions).isPositive().isLessThan(SAMPLE_SIZE / 100);
  }

  @Test
  void contentIsMostlyAboutItsAuthorsTwoHomeTopics() {
    Map<String, Map<String, Long>> topicsByAuthor = sample.stream()
        .filter(event -> !event.getTopics().isEmpty())
        .collect(groupingBy(InteractionSimulatorTest::author,
            Collectors.flatMapping(event -> event.getTopics().stream().map(InteractionSimulatorTest::normalised),
                groupingBy(topic -> topic, counting()))));

    assertThat(topicsByAuthor.values()).flatExtracting(Map::keySet).isSubsetOf(InteractionSimulator.TOPICS);
    Map<String, Long> celebrityTopics = topicsByAuthor.get("celebrity1");
    long total = celebrityTopics.values().stream().mapToLong(Long::longValue).sum();
    long topTwo = celebrityTopics.values().stream().sorted(Comparator.reverseOrder()).limit(2).mapToLong(Long::longValue).sum();
    assertThat((double) topTwo / total).isGreaterThan(0.85);
  }

  @Test
  void someTagsAreHashtagsAndSomeContentHasOnlyATextNamingItsTopic() {
    assertThat(sample).flatExtracting(InteractionEvent::getTopics).anyMatch(topic -> topic.startsWith("#"));
    List<InteractionEvent> untagged = sample.stream().filter(event -> event.getText() != null).toList();

    assertThat(untagged).isNotEmpty().allSatisfy(event -> {
      assertThat(event.getTopics()).isEmpty();
      assertThat(InteractionSimulator.TOPICS).anyMatch(topic -> event.getText().contains(topic));
    });
  }

  @Test
  void eventsOccurredShortlyBeforeTheClocksNowAndAFewMinutesLate() {
    assertThat(sample).extracting(InteractionEvent::getOccurredAt)
        .allMatch(at -> !at.isAfter(NOW) && at.isAfter(NOW.minus(Duration.ofMinutes(5))));
    long withinFiveSeconds = sample.stream()
        .filter(event -> event.getOccurredAt().isAfter(NOW.minusSeconds(5))).count();
    assertThat((double) withinFiveSeconds / SAMPLE_SIZE).isBetween(0.95, 0.999);
  }

  @Test
  void aWorldTooSmallToLookLikeANetworkIsRefused() {
    assertThatThrownBy(() -> new InteractionSimulator(1, CLOCK, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("population is 99; a simulated world needs at least 100 accounts");
  }

  private static List<InteractionEvent> draw(InteractionSimulator simulator, int count) {
    return Stream.generate(simulator::next).limit(count).toList();
  }

  private static Map<String, Long> countsPerTarget() {
    return sample.stream().map(InteractionEvent::getTargetAccount).filter(Objects::nonNull)
        .collect(groupingBy(target -> target, HashMap::new, counting()));
  }

  /** Whose content the event is about: the actor's own for posts and mentions, else the target's. */
  private static String author(InteractionEvent event) {
    return switch (event.getType()) {
      case POST, MENTION -> event.getActorAccount();
      default -> event.getTargetAccount();
    };
  }

  private static String normalised(String topic) {
    return topic.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }
}
