package io.influence.scorer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * A command that scores a file: where it reads interactions ({@code --input}, {@code --format},
 * {@code --until}) and where it writes every user's score ({@code --export}).
 */
final class FileOptions extends InputOptions {
  @Option(names = "--export", paramLabel = "OUT.jsonl", defaultValue = "scores.jsonl", description = "Where to write one JSON line per user (default ${DEFAULT-VALUE}).")
  Path export;
}
