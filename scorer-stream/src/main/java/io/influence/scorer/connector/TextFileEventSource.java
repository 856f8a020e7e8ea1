package io.influence.scorer.connector;

import static java.util.Objects.requireNonNull;

import io.influence.schema.InteractionEvent;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * An {@link EventSource} over a UTF-8 text file with one event per line; a subclass says how a line
 * becomes an event. The file may be gzipped: that is recognised by its first two bytes, whatever its
 * name, because exported files are often renamed.
 *
 * <p>Lines are numbered from 1 and read one at a time, so a file of any size streams in constant
 * memory. Blank lines carry no event and are skipped; every other line becomes an event or a
 * {@link RejectedLine}. Reading stops before the first event that occurred at or after {@code
 * until}, which suits files sorted by time (like SNAP's): a replay can end at a chosen moment
 * without reading the rest.
 */
public abstract class TextFileEventSource implements EventSource {
  private static final int BUFFER_BYTES = 64 * 1024;
  /** RFC 1952: every gzip member starts with these two bytes. */
  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  private final Path file;
  private final Instant until;

  /**
   * @param file the file to read, plain or gzipped
   * @param until the first instant not to read: reading stops at the first event at or after it;
   *     {@link Instant#MAX} reads the whole file
   */
  protected TextFileEventSource(Path file, Instant until) {
    this.file = requireNonNull(file, "file");
    this.until = requireNonNull(until, "until");
  }

  /** The file's name, without its directory: it is part of rejection reports and SNAP event ids. */
  @Override
  public String name() {
    return file.getFileName().toString();
  }

  /**
   * Turns one non-blank line into an event.
   *
   * @param lineNumber the line's 1-based position in the file
   * @throws MalformedLineException when the line is not a valid event, with the reason
   */
  protected abstract InteractionEvent parse(String line, long lineNumber) throws MalformedLineException;

  @Override
  public final Stream<InteractionEvent> events(Consumer<RejectedLine> rejections) throws IOException {
    requireNonNull(rejections, "rejections");
    BufferedReader reader = openText();
    return StreamSupport.stream(new LineEvents(reader, rejections), false)
        .onClose(() -> {
          try {
            reader.close();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
          }
        });
  }

  private BufferedReader openText() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    try {
      if (startsWithGzipMagic(in)) {
        in = new GZIPInputStream(in, BUFFER_BYTES);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_BYTES);
    } catch (IOException e) {
      in.close();
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    boolean gzip = in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
    in.reset();
    return gzip;
  }

  /** Pulls lines until one yields an event, reporting the rejected ones on the way. */
  private final class LineEvents extends Spliterators.AbstractSpliterator<InteractionEvent> {
    private final BufferedReader reader;
    private final Consumer<RejectedLine> rejections;
    private long lineNumber;
    private boolean finished;

    LineEvents(BufferedReader reader, Consumer<RejectedLine> rejections) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.reader = reader;
      this.rejections = rejections;
    }

    @Override
    public boolean tryAdvance(Consumer<? super InteractionEvent> action) {
      while (!finished) {
        String line = readLine();
        if (line == null) {
          finished = true;
        } else if (!line.isBlank()) {
          try {
            InteractionEvent event = parse(line, lineNumber);
            if (!event.getOccurredAt().isBefore(until)) {
              finished = true;
            } else {
              action.accept(event);
              return true;
            }
          } catch (MalformedLineException e) {
            rejections.accept(new RejectedLine(name(), lineNumber, line, e.getMessage()));
          }
        }
      }
      return false;
    }

    private String readLine() {
      try {
        String line = reader.readLine();
        if (line != null) {
          lineNumber++;
        }
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + " after line " + lineNumber, e);
      }
    }
  }
}
