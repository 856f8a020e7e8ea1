package io.influence.connector;

import static io.influence.connector.SharedData.higgsFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapActivityReaderTest {

  @TempDir Path directory;

  @Test
  void eachLineBecomesATwitterEventWithRetweetsAsSharesMentionsAsMentionsAndRepliesAsReplies() {
    Path file = TestFiles.plain(directory, "activity.txt",
        "1 2 1341100972 RT",
        "3 4 1341100973 MT",
        "5 6 1341100974 RE");

    List<InteractionEvent> events = SourceContents.readAll(new SnapActivityReader(file)).events();

    assertThat(events).extracting(InteractionEvent::getType)
        .containsExactly(InteractionType.SHARE, InteractionType.MENTION, InteractionType.REPLY);
    InteractionEvent share = events.get(0);
    assertThat(share.getNetwork()).isEqualTo("twitter");
    assertThat(share.getActorAccount()).isEqualTo("1");
    assertThat(share.getTargetAccount()).isEqualTo("2");
    assertThat(share.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_341_100_972L));
    assertThat(share.getTopics()).isEmpty();
    assertThat(share.getContentId()).isNull();
    assertThat(share.getText()).isNull();
  }

  @Test
  void aGzippedFileIsRecognisedByItsFirstBytesWhateverItsName() {
    Path gzippedWithoutSuffix = TestFiles.gzipped(directory, "activity.txt", "1 2 1341100972 RT");
    Path plainWithGzSuffix = TestFiles.plain(directory, "activity.txt.gz", "1 2 1341100972 RT");

    assertThat(SourceContents.readAll(new SnapActivityReader(gzippedWithoutSuffix)).onlyEvent().getActorAccount())
        .isEqualTo("1");
    assertThat(SourceContents.readAll(new SnapActivityReader(plainWithGzSuffix)).onlyEvent().getActorAccount())
        .isEqualTo("1");
  }

  @Test
  void eventIdsAreTheFileNameAndTheLineNumberCountingBlankAndRejectedLines() {
    Path file = TestFiles.gzipped(directory, "activity.gz",
        "1 2 1341100972 RT",
        "",
        "not a line",
        "3 4 1341100973 MT");

    SourceContents contents = SourceContents.readAll(new SnapActivityReader(file));

    assertThat(contents.events()).extracting(InteractionEvent::getEventId)
        .containsExactly("activity.gz:1", "activity.gz:4");
    assertThat(contents.rejections()).extracting(RejectedLine::lineNumber).containsExactly(3L);
  }

  @Test
  void fieldsMayBeSeparatedByTabsOrSeveralSpaces() {
    Path file = TestFiles.plain(directory, "activity.txt", "1\t2  1341100972 RT ");

    assertThat(SourceContents.readAll(new SnapActivityReader(file)).onlyEvent().getTargetAccount()).isEqualTo("2");
  }

  @ParameterizedTest(name = "\"{0}\" is rejected because {1}")
  @CsvSource(delimiterString = "=>", value = {
      "1 2 1341100972          => expected 4 fields 'actor target unix_seconds RT|MT|RE', found 3",
      "1 2 1341100972 RT extra => expected 4 fields 'actor target unix_seconds RT|MT|RE', found 5",
      "1 2 1341100972 LIKE     => interaction type 'LIKE' is not RT, MT or RE",
      "1 2 1341100972 rt       => interaction type 'rt' is not RT, MT or RE",
      "1 2 yesterday RT        => unix_seconds 'yesterday' is not a whole number of seconds since 1970",
      "1 2 1341100972.5 RT     => unix_seconds '1341100972.5' is not a whole number of seconds since 1970",
      "1 2 -5 RT               => unix_seconds -5 is before 1970",
      "1 2 9223372036854775807 RT => unix_seconds '9223372036854775807' is not a whole number of seconds since 1970",
  })
  void aMalformedLineIsRejectedWithItsLineNumberAndTheReason(String line, String reason) {
    Path file = TestFiles.plain(directory, "activity.txt", "", line);

    RejectedLine rejection = SourceContents.readAll(new SnapActivityReader(file)).onlyRejection();

    assertThat(rejection).isEqualTo(new RejectedLine("activity.txt", 2, line, reason));
  }

  @Test
  void readingStopsBeforeTheFirstEventAtOrAfterUntil() {
    Path file = TestFiles.plain(directory, "activity.txt",
        "1 2 100 RT",
        "3 4 199 MT",
        "5 6 200 RE",
        "7 8 150 RT");

    List<InteractionEvent> events =
        SourceContents.readAll(new SnapActivityReader(file, Instant.ofEpochSecond(200))).events();

    assertThat(events).extracting(InteractionEvent::getActorAccount).containsExactly("1", "3");
  }

  @Test
  void aMissingFileFailsWhenOpenedNamingTheFile() {
    SnapActivityReader reader = new SnapActivityReader(directory.resolve("absent.txt"));

    assertThatThrownBy(() -> reader.events(rejection -> { }))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("absent.txt");
  }

  @Test
  void theHiggsFileStartsWithAMentionFromAccount223789To213163AtTheFirstSecondsOfJuly2012() {
    Path higgs = higgsFile();

    List<InteractionEvent> events =
        SourceContents.readAll(new SnapActivityReader(higgs, Instant.parse("2012-07-01T00:02:53Z"))).events();

    InteractionEvent first = events.get(0);
    assertThat(first.getEventId()).isEqualTo("higgs-activity_time.txt.gz:1");
    assertThat(first.getNetwork()).isEqualTo("twitter");
    assertThat(first.getType()).isEqualTo(InteractionType.MENTION);
    assertThat(first.getActorAccount()).isEqualTo("223789");
    assertThat(first.getTargetAccount()).isEqualTo("213163");
    assertThat(first.getOccurredAt()).isEqualTo(Instant.parse("2012-07-01T00:02:52Z"));
    assertThat(events).extracting(InteractionEvent::getType)
        .containsExactly(InteractionType.MENTION, InteractionType.REPLY);
  }

  @Test
  void theWholeHiggsFileStreamsWithoutRejectionsAndWithTheCountsItsReadmeGives() throws IOException {
    Path higgs = higgsFile();
    Map<InteractionType, Long> countsByType = new EnumMap<>(InteractionType.class);
    AtomicLong rejections = new AtomicLong();

    try (Stream<InteractionEvent> events = new SnapActivityReader(higgs).events(rejection -> rejections.incrementAndGet())) {
      events.forEach(event -> countsByType.merge(event.getType(), 1L, Long::sum));
    }

    assertThat(rejections).hasValue(0);
    assertThat(countsByType).containsExactlyInAnyOrderEntriesOf(Map.of(
        InteractionType.SHARE, 354_930L, InteractionType.MENTION, 171_237L, InteractionType.REPLY, 36_902L));
  }
}
