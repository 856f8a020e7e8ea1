package io.influence.scorer.cli;

import io.influence.scorer.connector.EventSource;
import io.influence.scorer.connector.JsonlEventReader;
import io.influence.scorer.connector.SnapActivityReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The file a command reads interactions from: {@code --input}, {@code --format}, {@code --until}. */
class InputOptions {
  enum Format { snap, jsonl }

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "File of interactions, gzipped or not.")
  Path input;

  @Option(names = "--format", required = true, description = "snap (SNAP activity: actor target unix_seconds RT|MT|RE) or jsonl (one InteractionEvent per line, see docs/CONNECTORS.md).")
  Format format;

  @Option(names = "--until", paramLabel = "EPOCH_SECONDS", description = "Stop before the first event at or after this time.")
  Long until;

  /** These options as they would be typed, to print a command that does it again. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("--format", format.name(), "--input", input.toString()));
    if (until != null) {
      arguments.addAll(List.of("--until", until.toString()));
    }
    return arguments;
  }

  EventSource source() {
    Instant stopAt = until == null ? Instant.MAX : Instant.ofEpochSecond(until);
    return switch (format) {
      case snap -> new SnapActivityReader(input, stopAt);
      case jsonl -> new JsonlEventReader(input, stopAt);
    };
  }
}
