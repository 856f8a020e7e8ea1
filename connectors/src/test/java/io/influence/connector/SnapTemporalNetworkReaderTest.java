package io.influence.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import io.influence.connector.SnapTemporalNetworkReader.TypedFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapTemporalNetworkReaderTest {

  @TempDir Path directory;

  private SourceContents read(Instant until, TypedFile... files) {
    return SourceContents.readAll(new SnapTemporalNetworkReader(List.of(files), "MathOverflow", until));
  }

  @Test
  void filesOutOfOrderAreMergedIntoOneStreamOrderedByTimeEachLineWithItsFilesType() {
    Path answers = TestFiles.gzipped(directory, "a2q.txt.gz", "1 2 300", "3 4 100");
    Path comments = TestFiles.plain(directory, "c2q.txt", "5 6 200", "7 8 300");

    List<InteractionEvent> events = read(Instant.MAX, new TypedFile(answers, InteractionType.REPLY),
        new TypedFile(comments, InteractionType.COMMENT)).events();

    assertThat(events).extracting(InteractionEvent::getEventId)
        .as("by time, then by file, then by line")
        .containsExactly("a2q.txt.gz:2", "c2q.txt:1", "a2q.txt.gz:1", "c2q.txt:2");
    assertThat(events).extracting(InteractionEvent::getType)
        .containsExactly(InteractionType.REPLY, InteractionType.COMMENT, InteractionType.REPLY, InteractionType.COMMENT);
    InteractionEvent first = events.get(0);
    assertThat(first.getNetwork()).isEqualTo("mathoverflow");
    assertThat(first.getActorAccount()).isEqualTo("3");
    assertThat(first.getTargetAccount()).isEqualTo("4");
    assertThat(first.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(100));
    assertThat(first.getTopics()).isEmpty();
  }

  @Test
  void aSelfLoopIsPassedOnForTheModelToIgnoreAndCount() {
    Path file = TestFiles.plain(directory, "c2a.txt", "9 9 100");

    assertThat(read(Instant.MAX, new TypedFile(file, InteractionType.COMMENT)).onlyEvent().getTargetAccount()).isEqualTo("9");
  }

  @Test
  void aMalformedLineIsReportedWithItsFileAndLineNumberAndTheRestIsRead() {
    Path file = TestFiles.plain(directory, "a2q.txt", "1 2 100", "1 2", "", "1 2 yesterday", "3 4 200 RT", "5 6 300");

    SourceContents contents = read(Instant.MAX, new TypedFile(file, InteractionType.REPLY));

    assertThat(contents.events()).extracting(InteractionEvent::getEventId).containsExactly("a2q.txt:1", "a2q.txt:6");
    assertThat(contents.rejections()).extracting(RejectedLine::describe).containsExactly(
        "a2q.txt:2: expected 3 fields 'source target unix_seconds', found 2: \"1 2\"",
        "a2q.txt:4: unix_seconds 'yesterday' is not a whole number of seconds since 1970: \"1 2 yesterday\"",
        "a2q.txt:5: expected 3 fields 'source target unix_seconds', found 4: \"3 4 200 RT\"");
  }

  @Test
  void readingStopsBeforeTheFirstEventAtOrAfterUntil() {
    Path file = TestFiles.plain(directory, "a2q.txt", "1 2 300", "1 2 100", "1 2 200");

    assertThat(read(Instant.ofEpochSecond(200), new TypedFile(file, InteractionType.REPLY)).onlyEvent().getEventId())
        .isEqualTo("a2q.txt:2");
  }

  @Test
  void aFileIsNamedWithItsTypeAfterTheLastColonInAnyCase() {
    assertThat(TypedFile.parse("/data/c:odd/sx-mathoverflow-a2q.txt.gz:reply"))
        .isEqualTo(new TypedFile(Path.of("/data/c:odd/sx-mathoverflow-a2q.txt.gz"), InteractionType.REPLY));
    assertThatThrownBy(() -> TypedFile.parse("a2q.txt.gz")).hasMessageContaining("expected FILE:TYPE");
    assertThatThrownBy(() -> TypedFile.parse("a2q.txt.gz:ANSWER")).hasMessageContaining("SHARE, MENTION, REPLY, COMMENT, LIKE, FOLLOW");
    assertThatThrownBy(() -> TypedFile.parse("a2q.txt.gz:POST")).hasMessageContaining("POST cannot be one");
  }
}
