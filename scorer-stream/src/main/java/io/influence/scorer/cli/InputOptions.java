package io.influence.scorer.cli;

import io.influence.connector.EventSource;
import io.influence.connector.JsonlEventReader;
import io.influence.connector.SnapActivityReader;
import io.influence.connector.SnapTemporalNetworkReader;
import io.influence.connector.SnapTemporalNetworkReader.TypedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The files a command reads interactions from: {@code --input}, {@code --format}, {@code --network},
 * {@code --until}.
 */
class InputOptions {
  /** How the input's lines are laid out. */
  enum Format {
    SNAP("snap"),
    SNAP_TEMPORAL("snap-temporal"),
    JSONL("jsonl");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }

    static Format of(String label) {
      return Arrays.stream(values()).filter(format -> format.label.equals(label)).findFirst()
          .orElseThrow(() -> new CommandLine.TypeConversionException("'" + label + "' is not a format: expected one of "
              + Arrays.stream(values()).map(Format::toString).collect(Collectors.joining(", "))));
    }
  }

  @Option(names = "--input", required = true, paramLabel = "FILE[:TYPE]",
      description = {"File of interactions, gzipped or not. snap-temporal takes several, each with the type of its lines "
          + "(--input sx-mathoverflow-a2q.txt.gz:REPLY --input sx-mathoverflow-c2q.txt.gz:COMMENT), merged by time."})
  List<String> inputs;

  @Option(names = "--format", required = true, converter = FormatConverter.class,
      description = {"snap (SNAP activity: actor target unix_seconds RT|MT|RE, the Higgs Twitter file), "
          + "snap-temporal (SNAP temporal network: source target unix_seconds, one interaction type a file, e.g. sx-mathoverflow) "
          + "or jsonl (one InteractionEvent per line, see docs/CONNECTORS.md)."})
  Format format;

  @Option(names = "--network", paramLabel = "NAME", defaultValue = SnapTemporalNetworkReader.DEFAULT_NETWORK,
      description = "snap-temporal: the network the accounts belong to, which prefixes user ids (default ${DEFAULT-VALUE}).")
  String network;

  @Option(names = "--until", paramLabel = "EPOCH_SECONDS", description = "Stop before the first event at or after this time.")
  Long until;

  /** These options as they would be typed, to print a command that does it again. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("--format", format.toString()));
    inputs.forEach(input -> arguments.addAll(List.of("--input", input)));
    if (format == Format.SNAP_TEMPORAL && !SnapTemporalNetworkReader.DEFAULT_NETWORK.equals(network)) {
      arguments.addAll(List.of("--network", network));
    }
    if (until != null) {
      arguments.addAll(List.of("--until", until.toString()));
    }
    return arguments;
  }

  /** The events these options name; a combination that names none is a usage error of {@code command}. */
  EventSource source(CommandLine command) {
    Instant stopAt = until == null ? Instant.MAX : Instant.ofEpochSecond(until);
    return switch (format) {
      case SNAP -> new SnapActivityReader(onlyInput(command), stopAt);
      case JSONL -> new JsonlEventReader(onlyInput(command), stopAt);
      case SNAP_TEMPORAL -> temporalNetwork(command, stopAt);
    };
  }

  private Path onlyInput(CommandLine command) {
    if (inputs.size() != 1) {
      throw new CommandLine.ParameterException(command,
          "--format " + format + " reads one --input file, got " + inputs.size() + " (only snap-temporal merges several)");
    }
    return readable(command, Path.of(inputs.get(0)));
  }

  private static Path readable(CommandLine command, Path file) {
    if (!Files.isReadable(file)) {
      throw new CommandLine.ParameterException(command, "--input " + file + ": "
          + (Files.exists(file) ? "the file cannot be read" : "no such file"));
    }
    return file;
  }

  private EventSource temporalNetwork(CommandLine command, Instant stopAt) {
    try {
      List<TypedFile> files = inputs.stream().map(TypedFile::parse).toList();
      files.forEach(file -> readable(command, file.path()));
      return new SnapTemporalNetworkReader(files, network, stopAt);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command, "--input: " + e.getMessage());
    }
  }

  /** Reads {@code --format} by its lower-case, hyphenated name. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.of(value);
    }
  }
}
