package io.influence.scorer.cli;

import io.influence.scorer.connector.EventSource;
import io.influence.scorer.connector.JsonlEventReader;
import io.influence.scorer.connector.SnapActivityReader;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * A command that scores a file: where it reads interactions ({@code --input}, {@code --format},
 * {@code --until}) and where it writes every user's score ({@code --export}).
 */
final class FileOptions {
  enum Format { snap, jsonl }

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "File of interactions, gzipped or not.")
  Path input;

  @Option(names = "--format", required = true, description = "snap (SNAP activity: actor target unix_seconds RT|MT|RE) or jsonl (one InteractionEvent per line, see docs/CONNECTORS.md).")
  Format format;

  @Option(names = "--until", paramLabel = "EPOCH_SECONDS", description = "Stop before the first event at or after this time.")
  Long until;

  @Option(names = "--export", paramLabel = "OUT.jsonl", defaultValue = "scores.jsonl", description = "Where to write one JSON line per user (default ${DEFAULT-VALUE}).")
  Path export;

  EventSource source() {
    Instant stopAt = until == null ? Instant.MAX : Instant.ofEpochSecond(until);
    return switch (format) {
      case snap -> new SnapActivityReader(input, stopAt);
      case jsonl -> new JsonlEventReader(input, stopAt);
    };
  }
}
