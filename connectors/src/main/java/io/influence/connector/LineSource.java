package io.influence.connector;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * A UTF-8 text file with one item per line; a subclass says how a line becomes an item. The file may
 * be gzipped: that is recognised by its first two bytes, whatever its name, because exported files are
 * often renamed.
 *
 * <p>Lines are numbered from 1 and read one at a time, so a file of any size streams in constant
 * memory. Blank lines carry nothing and are skipped; every other line becomes an item or a
 * {@link RejectedLine}.
 *
 * @param <T> what a line holds
 */
abstract class LineSource<T> {
  private static final int BUFFER_BYTES = 64 * 1024;
  /** RFC 1952: every gzip member starts with these two bytes. */
  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  private final Path file;

  protected LineSource(Path file) {
    this.file = requireNonNull(file, "file");
  }

  /** The file's name, without its directory: it is part of rejection reports and of event ids. */
  public String name() {
    return file.getFileName().toString();
  }

  /**
   * Turns one non-blank line into an item.
   *
   * @param lineNumber the line's 1-based position in the file
   * @throws MalformedLineException when the line is not a valid item, with the reason
   */
  protected abstract T parse(String line, long lineNumber) throws MalformedLineException;

  /**
   * Opens the file and streams its items lazily, in file order; lines that cannot become an item go
   * to {@code rejections} as the stream passes them. The stream holds the open file: close it.
   *
   * @throws IOException when the file cannot be opened; read failures later in the stream
   *     are thrown as {@link UncheckedIOException}
   */
  protected final Stream<T> items(Consumer<RejectedLine> rejections) throws IOException {
    requireNonNull(rejections, "rejections");
    BufferedReader reader = openText();
    return StreamSupport.stream(new LineItems(reader, rejections), false)
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

  /** Pulls lines until one yields an item, reporting the rejected ones on the way. */
  private final class LineItems extends Spliterators.AbstractSpliterator<T> {
    private final BufferedReader reader;
    private final Consumer<RejectedLine> rejections;
    private long lineNumber;

    LineItems(BufferedReader reader, Consumer<RejectedLine> rejections) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.reader = reader;
      this.rejections = rejections;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      for (String line = readLine(); line != null; line = readLine()) {
        if (line.isBlank()) {
          continue;
        }
        try {
          action.accept(parse(line, lineNumber));
          return true;
        } catch (MalformedLineException e) {
          rejections.accept(new RejectedLine(name(), lineNumber, line, e.getMessage()));
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
