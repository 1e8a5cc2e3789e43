package io.cardex.ingest;

import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaAccessCheck;
import io.cardex.topics.KafkaRefusedException;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.watch.FolderWatcher;
import io.cardex.ingest.webhook.Push;
import io.cardex.service.retry.Backoff;
import java.io.IOException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.SkippedFilesEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one card repository published: a pass at start, then one per poll and one per
 * {@link #trigger()} (a webhook). Triggers that arrive while a pass runs coalesce into one more
 * pass. A failed pass (remote unreachable, Kafka down) is logged once per cause, shown in
 * {@link #status()}, and retried with a growing delay; the cursor has not moved, so nothing is
 * skipped, and the service resumes by itself once the cause is gone.
 */
public final class RepositoryIngest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RepositoryIngest.class);
    /** The longest wait between two retries of a failing pass. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final RepositoryConfig config;
    private final Clock clock;
    private final PassProgress progress = new PassProgress();
    private final IngestMetrics metrics;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final Optional<String> hostedAt;
    /**
     * The poll interval, doubled per failure in a row, at most {@link #MAX_BACKOFF}: a host that
     * is down is not asked ever more often, and a long poll interval still retries within a minute.
     */
    private final Backoff backoff;
    private ChangePublisher publisher;
    private CardRepository repository;
    private Ingestor ingestor;
    private ScheduledFuture<?> nextPoll;
    private FolderWatcher watcher;
    private volatile IngestStatus status;

    public RepositoryIngest(RepositoryConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    RepositoryIngest(RepositoryConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.metrics = new IngestMetrics(registry, config.repositoryName(), progress, clock);
        this.executor = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "cardex-ingest-" + config.repositoryName()));
        this.hostedAt = config.source().hostedAt();
        Duration firstPause = config.pollInterval().compareTo(MAX_BACKOFF) < 0 ? config.pollInterval() : MAX_BACKOFF;
        this.backoff = new Backoff(firstPause, MAX_BACKOFF);
        this.status = new IngestStatus(config.repositoryName(), config.branch().orElse(null), "starting", null, null,
                null, 0, null, null, clock.instant(), Map.of());
    }

    public String repositoryName() {
        return config.repositoryName();
    }

    /** Whether a push announced by a git host updated the repository and branch this service follows. */
    public boolean isUpdatedBy(Push push) {
        return hostedAt.filter(remote -> push.updates(remote, config.branch())).isPresent();
    }

    /** Publishes at once, then keeps polling (and, for a plain folder, watching it) until closed. */
    public void start() {
        trigger();
        if (config.source() instanceof RepositorySource.Directory folder) {
            try {
                watcher = FolderWatcher.start(folder.directory(), this::trigger);
            } catch (IOException e) {
                log.warn("cannot watch {} ({}); its changes are found by polling every {} s", folder.directory(),
                        e.getMessage(), config.pollInterval().toSeconds());
            }
        }
    }

    /**
     * Asks for a pass as soon as possible and returns at once. While a pass runs, any number of
     * triggers make one more pass after it: a burst of pushes is one fetch.
     */
    public void trigger() {
        if (passRequested.compareAndSet(false, true)) {
            executor.execute(this::pass);
        }
    }

    /**
     * One pass, on the caller's thread, for {@code cardex ingest --once}.
     *
     * @throws Exception why the pass failed: nothing is published past the cursor then
     */
    public IngestPass runOnce() throws Exception {
        return openIngestor().ingestOnce();
    }

    public IngestStatus status() {
        return status;
    }

    private void pass() {
        passRequested.set(false);
        long started = System.nanoTime();
        try {
            IngestPass pass = openIngestor().ingestOnce();
            metrics.passSucceeded(pass, Duration.ofNanos(System.nanoTime() - started));
            metrics.behind(0);
            if (backoff.failuresInARow() > 0) {
                log.info("ingest of {} works again", config.repositoryName());
            }
            backoff.succeeded();
            IngestStatus before = status;
            Map<String, Integer> skipped = pass.skipped().map(RepositoryIngest::countsByReason)
                    .orElse(before.skippedFiles());
            metrics.skipped(skipped);
            status = new IngestStatus(config.repositoryName(), repository.branch(), "up",
                    pass.to().orElse(before.lastPublishedHead()), clock.instant(), 0,
                    before.eventsPublished() + pass.changes(), null, null, pollAfter(config.pollInterval()), skipped);
        } catch (Exception | Error e) {
            // An Error too: thrown out of the pass, it would end the executor's task without a
            // word, and this repository's ingest would stop while /health still said up.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            metrics.passFailed(Duration.ofNanos(System.nanoTime() - started));
            failed(e);
        }
    }

    private void failed(Throwable e) {
        Duration pause = backoff.failed();
        String cause = KafkaRefusedException.of(e, config.kafka(), "write").map(Throwable::getMessage)
                .orElse(e.getClass().getSimpleName() + ": " + e.getMessage());
        IngestStatus before = status;
        if (!cause.equals(before.lastError())) {
            log.warn("ingest of {} failed, retrying in {} s (then less and less often, up to every {} s): {}",
                    config.repositoryName(), pause.toSeconds(), backoff.longest().toSeconds(), cause);
        }
        Integer behind = ingestor == null ? before.behindCommits() : Integer.valueOf(ingestor.commitsBehind());
        if (behind != null) {
            metrics.behind(behind);
        }
        status = new IngestStatus(config.repositoryName(), before.branch(), "failing", before.lastPublishedHead(),
                before.lastSuccessAt(), behind, before.eventsPublished(), cause, clock.instant(), pollAfter(pause),
                before.skippedFiles());
        reopenNextTime();
    }

    /**
     * Drops the repository after a failure, so that the retry opens it afresh: a clone someone
     * repaired or removed (to be cloned again) is then seen, not the broken one kept open.
     */
    private void reopenNextTime() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
        ingestor = null;
    }

    private static Map<String, Integer> countsByReason(List<SkippedFile> skipped) {
        Map<String, Integer> counts = new TreeMap<>();
        SkippedFilesEvent.countsOf(skipped).forEach((reason, count) -> counts.put(reason.code(), count));
        return counts;
    }

    private Instant pollAfter(Duration delay) {
        if (nextPoll != null) {
            nextPoll.cancel(false);
        }
        nextPoll = executor.schedule(this::trigger, delay.toMillis(), TimeUnit.MILLISECONDS);
        return clock.instant().plus(delay);
    }

    private Ingestor openIngestor() throws Exception {
        if (ingestor != null) {
            return ingestor;
        }
        CardChangeTopic.ensureExists(config.kafka(), config.topic(), config.topicPartitions(),
                config.topicReplicationFactor(), config.cardRules().maxFileBytes());
        if (config.kafka().login().isPresent()) {
            // A secured broker may refuse the writes: better said now than by every send of the pass.
            KafkaAccessCheck.require(config.kafka(), List.of(KafkaAccessCheck.Need.writeTopic(config.topic())));
        }
        if (repository == null) {
            repository = CardRepository.open(config.source(), config.branch(), config.cloneDirectory(),
                    new LoggingProgressMonitor("clone of " + config.repositoryName()));
        }
        if (publisher == null) {
            publisher = new ChangePublisher(config.kafka(), config.topic(), config.cardRules().maxFileBytes());
        }
        ingestor = new Ingestor(config, repository, publisher, new CursorStore(config.cursorFile()), progress);
        return ingestor;
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.debug("the watch of {} did not close cleanly", config.repositoryName(), e);
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (repository != null) {
            repository.close();
        }
    }
}
