package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonlEventReaderTest {
  private static final String EXAMPLE = "{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"SHARE\",\"actorAccount\":\"a\","
      + "\"targetAccount\":\"b\",\"contentId\":null,\"topics\":[\"cooking\"],\"text\":null,"
      + "\"occurredAt\":\"2026-11-26T10:00:00Z\"}";

  @TempDir Path directory;

  @Test
  void theDocumentedExampleLineBecomesTheEventItDescribes() {
    InteractionEvent event = readOnlyEvent(EXAMPLE);

    assertThat(event).isEqualTo(InteractionEvent.newBuilder()
        .setEventId("e1")
        .setNetwork("twitter")
        .setType(InteractionType.SHARE)
        .setActorAccount("a")
        .setTargetAccount("b")
        .setContentId(null)
        .setTopics(List.of("cooking"))
        .setText(null)
        .setOccurredAt(Instant.parse("2026-11-26T10:00:00Z"))
        .build());
  }

  @ParameterizedTest(name = "occurredAt {0} is 2026-11-26T10:00:00Z")
  @ValueSource(strings = {"\"2026-11-26T10:00:00Z\"", "\"2026-11-26T11:00:00+01:00\"", "\"2026-11-26T10:00:00.000Z\"",
      "1795687200000"})
  void occurredAtIsIsoWithAnOffsetOrEpochMilliseconds(String occurredAt) {
    InteractionEvent event = readOnlyEvent(
        "{\"eventId\":\"e1\",\"network\":\"bluesky\",\"type\":\"POST\",\"actorAccount\":\"a\",\"occurredAt\":" + occurredAt + "}");

    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Test
  void missingOrNullOptionalFieldsTakeTheSchemaDefaults() {
    InteractionEvent post = readOnlyEvent(
        "{\"eventId\":\"p1\",\"network\":\"linkedin\",\"type\":\"POST\",\"actorAccount\":\"a\",\"occurredAt\":0}");
    InteractionEvent like = readOnlyEvent("{\"eventId\":\"l1\",\"network\":\"linkedin\",\"type\":\"LIKE\","
        + "\"actorAccount\":\"a\",\"targetAccount\":\"b\",\"topics\":null,\"occurredAt\":0}");

    assertThat(post.getTargetAccount()).isNull();
    assertThat(post.getContentId()).isNull();
    assertThat(post.getTopics()).isEmpty();
    assertThat(post.getText()).isNull();
    assertThat(like.getTopics()).isEmpty();
  }

  @Test
  void fieldsTheContractDoesNotKnowAreIgnoredSoNewerWritersDoNotBreakTheReader() {
    InteractionEvent event = readOnlyEvent("{\"eventId\":\"e1\",\"network\":\"facebook\",\"type\":\"like\","
        + "\"actorAccount\":\"a\",\"targetAccount\":\"b\",\"occurredAt\":0,\"reactionKind\":\"heart\"}");

    assertThat(event.getType()).isEqualTo(InteractionType.LIKE);
  }

  @Test
  void theTypeIsReadWhateverItsCase() {
    InteractionEvent event = readOnlyEvent("{\"eventId\":\"e1\",\"network\":\"Instagram\",\"type\":\"Comment\","
        + "\"actorAccount\":\"a\",\"targetAccount\":\"b\",\"occurredAt\":0}");

    assertThat(event.getType()).isEqualTo(InteractionType.COMMENT);
    assertThat(event.getNetwork()).isEqualTo("Instagram");
  }

  @Test
  void aGzippedFileReadsLikeAPlainOne() {
    Path file = TestFiles.gzipped(directory, "events.jsonl", EXAMPLE);

    assertThat(SourceContents.readAll(new JsonlEventReader(file)).onlyEvent().getEventId()).isEqualTo("e1");
  }

  @Test
  void readingStopsBeforeTheFirstEventAtOrAfterUntil() {
    Path file = TestFiles.plain(directory, "events.jsonl",
        postAt("p1", 1_000), postAt("p2", 1_999), postAt("p3", 2_000), postAt("p4", 1_500));

    List<InteractionEvent> events =
        SourceContents.readAll(new JsonlEventReader(file, Instant.ofEpochMilli(2_000))).events();

    assertThat(events).extracting(InteractionEvent::getEventId).containsExactly("p1", "p2");
  }

  @Test
  void rejectionsCarryTheFileNameAndLineNumberWhileBlankLinesAreSkipped() {
    Path file = TestFiles.plain(directory, "events.jsonl", postAt("p1", 0), "   ", "{}", postAt("p2", 0));

    SourceContents contents = SourceContents.readAll(new JsonlEventReader(file));

    assertThat(contents.events()).extracting(InteractionEvent::getEventId).containsExactly("p1", "p2");
    assertThat(contents.rejections()).extracting(RejectedLine::source, RejectedLine::lineNumber, RejectedLine::line)
        .containsExactly(tuple("events.jsonl", 3L, "{}"));
  }

  static Stream<Arguments> linesBreakingARule() {
    String head = "\"eventId\":\"e1\",\"network\":\"twitter\",\"actorAccount\":\"a\",\"occurredAt\":0";
    return Stream.of(
        arguments("[1,2]", "expected a JSON object, found array"),
        arguments("{\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\",\"occurredAt\":0}",
            "eventId is required and must not be blank"),
        arguments("{\"eventId\":42,\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\",\"occurredAt\":0}",
            "eventId must be a string, found 42"),
        arguments("{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\" \",\"occurredAt\":0}",
            "actorAccount is required and must not be blank"),
        arguments("{\"eventId\":\"e1\",\"network\":\"my net\",\"type\":\"POST\",\"actorAccount\":\"a\",\"occurredAt\":0}",
            "network 'my net' cannot name a Kafka topic: use 1 to 236 letters, digits, '.', '_' or '-'"),
        arguments("{" + head + ",\"type\":\"BOOST\"}",
            "type 'BOOST' is not one of UNKNOWN, SHARE, MENTION, REPLY, COMMENT, LIKE, POST, FOLLOW"),
        arguments("{" + head + ",\"type\":\"SHARE\"}", "targetAccount is required for SHARE; only a POST has no target"),
        arguments("{" + head + ",\"type\":\"POST\",\"topics\":\"cooking\"}",
            "topics must be an array of strings, found \"cooking\""),
        arguments("{" + head + ",\"type\":\"POST\",\"topics\":[\"cooking\",7]}", "topics[1] must be a string, found 7"),
        arguments("{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\"}",
            "occurredAt is required: an ISO-8601 time with an offset (2026-11-26T10:00:00Z) or whole epoch milliseconds,"
                + " found null"),
        arguments("{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\","
                + "\"occurredAt\":\"2026-11-26T10:00:00\"}",
            "occurredAt \"2026-11-26T10:00:00\" is not an ISO-8601 time with an offset (2026-11-26T10:00:00Z)"
                + " or whole epoch milliseconds"),
        arguments("{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\","
                + "\"occurredAt\":1.5}",
            "occurredAt is required: an ISO-8601 time with an offset (2026-11-26T10:00:00Z) or whole epoch milliseconds,"
                + " found 1.5"),
        arguments("{\"eventId\":\"e1\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\","
                + "\"occurredAt\":\"+999999999-12-31T23:59:59Z\"}",
            "occurredAt \"+999999999-12-31T23:59:59Z\" is not an ISO-8601 time with an offset (2026-11-26T10:00:00Z)"
                + " or whole epoch milliseconds"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("linesBreakingARule")
  void aLineBreakingARuleIsRejectedWithThatRule(String line, String reason) {
    Path file = TestFiles.plain(directory, "events.jsonl", line);

    assertThat(SourceContents.readAll(new JsonlEventReader(file)).onlyRejection().reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} is not valid JSON")
  @ValueSource(strings = {"{\"eventId\":", "eventId=e1", "{\"eventId\":\"e1\"} {}", "{\"eventId\":\"e1\",\"eventId\":\"e2\"}"})
  void aLineThatIsNotJsonIsRejectedWithTheParserMessageAndColumn(String line) {
    Path file = TestFiles.plain(directory, "events.jsonl", line);

    assertThat(SourceContents.readAll(new JsonlEventReader(file)).onlyRejection().reason())
        .startsWith("not valid JSON at column ");
  }

  private InteractionEvent readOnlyEvent(String line) {
    return SourceContents.readAll(new JsonlEventReader(TestFiles.plain(directory, "events.jsonl", line))).onlyEvent();
  }

  private static String postAt(String eventId, long epochMillis) {
    return "{\"eventId\":\"" + eventId + "\",\"network\":\"twitter\",\"type\":\"POST\",\"actorAccount\":\"a\","
        + "\"occurredAt\":" + epochMillis + "}";
  }
}
