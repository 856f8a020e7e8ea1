package io.influence.connector;

import static java.util.Objects.requireNonNull;

import io.influence.schema.InteractionEvent;
import io.influence.schema.InteractionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads temporal networks of the Stanford Large Network Dataset Collection (SNAP), such as
 * {@code sx-mathoverflow}: files of {@code source target unix_seconds} lines, one interaction each, in
 * which {@code source} acted on {@code target}. A file holds one kind of interaction, which the
 * caller names ({@code sx-mathoverflow-a2q.txt.gz:REPLY}); several files are merged into one stream
 * ordered by time.
 *
 * <p><b>Sorted in memory.</b> SNAP's files are not strictly sorted (sx-mathoverflow's c2q steps back
 * in time 415 times, by up to days), and a merge that trusted their order would hand the model events
 * out of order by an unknown amount. So every line is read, kept in a compact form (its time, file,
 * line number and the two account ids, which are shared between lines), and sorted by time, then file,
 * then line: about 40 bytes a line plus the distinct accounts, 25 MB for sx-mathoverflow's 506,550
 * lines. Files of hundreds of millions of lines want an external sort first ({@code sort -k3,3n}).
 *
 * <p>Each line becomes an event of {@code network}; its id is {@code <file name>:<line number>},
 * stable across runs, and a line that is not an interaction is reported with its file and line number
 * before any event is streamed. A line whose source is its target is passed on: the model ignores
 * self-interactions, and counts them as such.
 */
public final class SnapTemporalNetworkReader implements EventSource {
  /** What a network is called when the caller names none. */
  public static final String DEFAULT_NETWORK = "snap";

  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s+");
  private static final Comparator<Edge> BY_TIME = Comparator.comparingLong(Edge::atMillis)
      .thenComparingInt(Edge::file)
      .thenComparingLong(Edge::line);

  private final List<TypedFile> files;
  private final String network;
  private final Instant until;

  /**
   * @param files the files to merge, each with the kind of interaction its lines are
   * @param network the network the accounts belong to, lower case
   * @param until the first instant not to read; {@link Instant#MAX} reads everything
   */
  public SnapTemporalNetworkReader(List<TypedFile> files, String network, Instant until) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a temporal network needs at least one file");
    }
    this.files = List.copyOf(files);
    this.network = requireNonNull(network, "network").strip().toLowerCase(Locale.ROOT);
    this.until = requireNonNull(until, "until");
  }

  @Override
  public String name() {
    return files.stream().map(file -> file.path().getFileName().toString()).collect(Collectors.joining("+"));
  }

  @Override
  public Stream<InteractionEvent> events(Consumer<RejectedLine> rejections) throws IOException {
    requireNonNull(rejections, "rejections");
    Edge[] edges = readAll(rejections);
    Arrays.sort(edges, BY_TIME);
    return Arrays.stream(edges).filter(edge -> Instant.ofEpochMilli(edge.atMillis()).isBefore(until)).map(this::event);
  }

  private Edge[] readAll(Consumer<RejectedLine> rejections) throws IOException {
    List<Edge> edges = new ArrayList<>();
    Map<String, String> accounts = new HashMap<>();
    for (int index = 0; index < files.size(); index++) {
      EdgeFile file = new EdgeFile(files.get(index).path(), index, accounts);
      try (Stream<Edge> lines = file.items(rejections)) {
        lines.forEach(edges::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return edges.toArray(Edge[]::new);
  }

  private InteractionEvent event(Edge edge) {
    TypedFile file = files.get(edge.file());
    return InteractionEvent.newBuilder()
        .setEventId(file.path().getFileName() + ":" + edge.line())
        .setNetwork(network)
        .setType(file.type())
        .setActorAccount(edge.actor())
        .setTargetAccount(edge.target())
        .setContentId(null)
        .setTopics(List.of())
        .setText(null)
        .setOccurredAt(Instant.ofEpochMilli(edge.atMillis()))
        .build();
  }

  /**
   * A file and the kind of interaction its lines are.
   *
   * @param type any interaction made on somebody: not POST, which has no target, nor UNKNOWN
   */
  public record TypedFile(Path path, InteractionType type) {
    public TypedFile {
      requireNonNull(path, "path");
      if (type == InteractionType.POST || type == InteractionType.UNKNOWN) {
        throw new IllegalArgumentException("a temporal network's lines are made on somebody: " + type + " cannot be one");
      }
    }

    /**
     * Reads {@code FILE:TYPE}, such as {@code sx-mathoverflow-a2q.txt.gz:REPLY}; the type is what
     * follows the last colon, in any case, so a path may hold colons of its own.
     */
    public static TypedFile parse(String spec) {
      int colon = spec.lastIndexOf(':');
      String expected = "expected FILE:TYPE with TYPE one of " + targetedTypes() + ", got '" + spec + "'";
      if (colon <= 0 || colon == spec.length() - 1) {
        throw new IllegalArgumentException(expected);
      }
      InteractionType type;
      try {
        type = InteractionType.valueOf(spec.substring(colon + 1).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(expected, e);
      }
      return new TypedFile(Path.of(spec.substring(0, colon)), type);
    }

    private static String targetedTypes() {
      return Arrays.stream(InteractionType.values())
          .filter(type -> type != InteractionType.POST && type != InteractionType.UNKNOWN)
          .map(Enum::name)
          .collect(Collectors.joining(", "));
    }
  }

  /** One line, as small as it can be kept until it is sorted. */
  private record Edge(long atMillis, int file, long line, String actor, String target) {}

  /** One file's lines as edges; accounts met before are shared, not copied. */
  private static final class EdgeFile extends LineSource<Edge> {
    private final int index;
    private final Map<String, String> accounts;

    EdgeFile(Path path, int index, Map<String, String> accounts) {
      super(path);
      this.index = index;
      this.accounts = accounts;
    }

    @Override
    protected Edge parse(String line, long lineNumber) throws MalformedLineException {
      String[] fields = FIELD_SEPARATOR.split(line.strip());
      if (fields.length != 3) {
        throw new MalformedLineException("expected 3 fields 'source target unix_seconds', found " + fields.length);
      }
      long atMillis = SnapFields.instantOf(fields[2]).toEpochMilli();
      return new Edge(atMillis, index, lineNumber, shared(fields[0]), shared(fields[1]));
    }

    private String shared(String account) {
      return accounts.computeIfAbsent(account, key -> key);
    }
  }
}
