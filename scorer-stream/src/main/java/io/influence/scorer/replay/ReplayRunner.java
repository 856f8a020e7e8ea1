package io.influence.scorer.replay;

import io.influence.schema.InteractionEvent;
import io.influence.scorer.config.ScorerConfig;
import io.influence.connector.EventSource;
import io.influence.connector.InteractionPublisher;
import io.influence.connector.PublisherSettings;
import io.influence.connector.RejectedLine;
import io.influence.connector.ReplayCounts;
import io.influence.scorer.metrics.ScorerMetrics;
import io.influence.scorer.metrics.ScorerMetrics.EventOutcome;
import io.influence.registry.ConfluentAvroSerde;
import io.influence.scorer.service.ScorerService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * Replays a file as a connector would and scores it with the real topology: publishes every event in
 * Avro through the registry, runs the scorer until each one has an outcome, then exports every user's
 * score as of the last event, with decay applied up to then.
 */
public final class ReplayRunner {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration STALL_LIMIT = Duration.ofMinutes(5);

  private final ScorerConfig config;
  private final PrintStream console;

  /** @param config where to publish and score; its application id should be fresh, so scoring starts from nothing */
  public ReplayRunner(ScorerConfig config, PrintStream console) {
    this.config = config;
    this.console = console;
  }

  public ReplaySummary run(EventSource source, Path export) throws InterruptedException {
    long started = System.nanoTime();
    LatestEventTime latest = new LatestEventTime();
    ExecutorService publishing = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "replay-publisher"));
    try {
      Future<ReplayCounts> publication = publishing.submit(() -> publish(new TrackingSource(source, latest)));
      // Scoring starts once the first connector topic exists, so its pattern subscription finds it at once.
      awaitInputTopic(publication);
      try (ScorerService scorer = ScorerService.start(config, Clock.systemUTC())) {
        ReplayCounts published = outcomeOf(publication);
        awaitOutcomes(scorer, published.published(), started);
        ScorerMetrics metrics = scorer.metrics();

        long users;
        try (ScoreExportWriter writer = new ScoreExportWriter(export)) {
          scorer.queries().forEachUser(latest.millis(), writer::write);
          users = writer.written();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ReplaySummary(
            published.published() + published.rejected(),
            (long) metrics.outcomes(EventOutcome.SCORED),
            (long) metrics.outcomes(EventOutcome.DLQ) + published.rejected(),
            (long) metrics.outcomes(EventOutcome.DUPLICATE),
            (long) metrics.outcomes(EventOutcome.IGNORED),
            users,
            seconds);
      }
    } finally {
      publishing.shutdownNow();
    }
  }

  private void awaitInputTopic(Future<ReplayCounts> publication) throws InterruptedException {
    Pattern inputs = config.get(ScorerConfig.INPUT_PATTERN);
    try (Admin admin = Admin.create(ScorerService.clientProperties(config))) {
      while (!publication.isDone()) {
        if (admin.listTopics().names().get().stream().anyMatch(topic -> inputs.matcher(topic).matches())) {
          return;
        }
        Thread.sleep(100);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static ReplayCounts outcomeOf(Future<ReplayCounts> publication) throws InterruptedException {
    try {
      return publication.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the replay's publisher failed", e.getCause());
    }
  }

  /**
   * Publishes {@code source} to the configured cluster as a connector would, and nothing else: for
   * running the scorer apart ({@code run}) on a file, and comparing its export with {@code recompute}.
   */
  public ReplayCounts publish(EventSource source) {
    PublisherSettings settings = config.publisherSettings(true);
    var serde = ConfluentAvroSerde.forValues(config.registryClient(), InteractionEvent.class);
    try (InteractionPublisher publisher = new InteractionPublisher(settings, serde.serializer())) {
      return publisher.publishAll(source, counts -> {
        if (counts.published() % 100_000 == 0) {
          console.printf("published %,d events (%,d lines rejected)%n", counts.published(), counts.rejected());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
  }

  /**
   * Waits until every published event has ended in an outcome, printing progress on long files; fails
   * if the scorer stops first.
   */
  private void awaitOutcomes(ScorerService scorer, long expected, long startedNanos) throws InterruptedException {
    long lastReport = System.nanoTime();
    long lastDone = -1;
    long lastChange = System.nanoTime();
    while (true) {
      scorer.requireNotStopped();
      long done = (long) scorer.metrics().allOutcomes();
      if (done >= expected) {
        return;
      }
      long now = System.nanoTime();
      if (done != lastDone) {
        lastDone = done;
        lastChange = now;
      } else if (Duration.ofNanos(now - lastChange).compareTo(STALL_LIMIT) > 0) {
        throw new IllegalStateException("scoring stalled at " + done + " of " + expected + " events for " + STALL_LIMIT.toMinutes() + " minutes");
      }
      if (Duration.ofNanos(now - lastReport).compareTo(PROGRESS_EVERY) >= 0) {
        double seconds = (now - startedNanos) / 1e9;
        console.printf("scored %,d of %,d events (%.0f%%), %.0f s%n", done, expected, 100.0 * done / Math.max(1, expected), seconds);
        lastReport = now;
      }
      Thread.sleep(200);
    }
  }

  /** The latest event time published, the moment the export is taken at. */
  private static final class LatestEventTime {
    private final AtomicLong millis = new AtomicLong(Long.MIN_VALUE);

    void see(InteractionEvent event) {
      millis.accumulateAndGet(event.getOccurredAt().toEpochMilli(), Math::max);
    }

    long millis() {
      return millis.get();
    }
  }

  private record TrackingSource(EventSource source, LatestEventTime latest) implements EventSource {
    @Override
    public String name() {
      return source.name();
    }

    @Override
    public Stream<InteractionEvent> events(Consumer<RejectedLine> rejections) throws IOException {
      return source.events(rejections).peek(latest::see);
    }
  }
}
