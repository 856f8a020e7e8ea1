package io.influence.connector;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an activity file of the Stanford Large Network Dataset Collection (SNAP), such as the Higgs
 * Twitter dataset's {@code higgs-activity_time.txt.gz}: one line per interaction, {@code actor target
 * unix_seconds RT|MT|RE}, sorted by time.
 *
 * <p>Each line becomes a {@code twitter} event: {@code RT} (retweet) a SHARE, {@code MT} a MENTION,
 * {@code RE} a REPLY, from {@code actor} to {@code target}, at {@code unix_seconds}. The files have no
 * event ids, so a line's id is {@code <file name>:<line number>}, which is stable across replays of
 * the same file. There are no topics, content ids or texts. docs/CONNECTORS.md has the details.
 */
public final class SnapActivityReader extends TextFileEventSource {
  /** The SNAP Twitter datasets are all the network this reader knows. */
  public static final String NETWORK = "twitter";

  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s+");
  private static final String FORMAT = "'actor target unix_seconds RT|MT|RE'";

  /** Reads the whole file. */
  public SnapActivityReader(Path file) {
    this(file, Instant.MAX);
  }

  /** Reads the file up to, not including, the first event at or after {@code until}. */
  public SnapActivityReader(Path file, Instant until) {
    super(file, until);
  }

  @Override
  protected InteractionEvent parse(String line, long lineNumber) throws MalformedLineException {
    String[] fields = FIELD_SEPARATOR.split(line.strip());
    if (fields.length != 4) {
      throw new MalformedLineException("expected 4 fields " + FORMAT + ", found " + fields.length);
    }
    return InteractionEvent.newBuilder()
        .setEventId(name() + ":" + lineNumber)
        .setNetwork(NETWORK)
        .setType(typeOf(fields[3]))
        .setActorAccount(fields[0])
        .setTargetAccount(fields[1])
        .setContentId(null)
        .setTopics(List.of())
        .setText(null)
        .setOccurredAt(SnapFields.instantOf(fields[2]))
        .build();
  }

  private static InteractionType typeOf(String code) throws MalformedLineException {
    return switch (code) {
      case "RT" -> InteractionType.SHARE;
      case "MT" -> InteractionType.MENTION;
      case "RE" -> InteractionType.REPLY;
      default -> throw new MalformedLineException("interaction type '" + code + "' is not RT, MT or RE");
    };
  }
}
