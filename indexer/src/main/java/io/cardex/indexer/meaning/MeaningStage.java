package io.cardex.indexer.meaning;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import io.cardex.embedding.CardText;
import io.cardex.embedding.TextEmbedder;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each card written the vector of what it says it is for, a few seconds after its words:
 * text search never waits for it. It runs on threads of its own at idle priority ({@link IdlePriority}),
 * so that neither the indexer nor anything else on the machine waits for the model, and it waits
 * while the indexer has changes to write (its write-backs would queue in Elasticsearch before
 * them); it takes the cards in batches (embedded one card per core at a time), reuses the vector of
 * a text already embedded (the card's own, or one in any version of the index: a reindex embeds
 * only what changed), embeds the rest and writes each card again at its own version. Cards it had
 * no room for, cards its writes lost to a concurrent write, and cards of an index an earlier
 * release made are found by a sweep of the cards still without a vector, at start and every
 * {@link #SWEEP_EVERY_SECONDS} seconds.
 */
public final class MeaningStage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeaningStage.class);
    /** Cards waiting at most; beyond, they wait for the sweep. */
    private static final int QUEUE = 2_000;
    private static final int BATCH = 64;
    /**
     * Texts embedded between two looks at the words' backlog: some 50 ms of both cores when they are
     * free, so that the stage notices soon when the indexer has changes to write again.
     */
    private static final int GIVE_WAY_EVERY = 8;
    private static final long GIVE_WAY_PAUSE_MILLIS = 50;
    static final int SWEEP_EVERY_SECONDS = 10;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Supplier<TextEmbedder> model;
    private TextEmbedder embedder;
    private final StoredMeanings index;
    private final BooleanSupplier wordsPending;
    private final BlockingQueue<IndexAction.Put> waiting = new ArrayBlockingQueue<>(QUEUE);
    private final Counter embedded;
    private final Counter reused;
    private final Thread thread;
    /** The model's threads, one per core, at idle priority like the stage's own. */
    private final ForkJoinPool cores = IdlePriority.pool("cardex-meaning-model");
    private volatile boolean running = true;
    private long nextSweepNanos = System.nanoTime();
    private long nextProgressNanos = System.nanoTime() + PROGRESS_EVERY_NANOS;
    private long embeddedSinceProgress;

    MeaningStage(Supplier<TextEmbedder> model, StoredMeanings index, BooleanSupplier wordsPending,
                 MeterRegistry registry) {
        this.model = model;
        this.index = index;
        this.wordsPending = wordsPending;
        this.embedded = Counter.builder("cardex.meaning.embedded").description("cards whose vector was computed")
                .register(registry);
        this.reused = Counter.builder("cardex.meaning.reused")
                .description("cards given the vector stored for the same text").register(registry);
        this.thread = new Thread(() -> {
            IdlePriority.lowerThisThread();
            run();
        }, "cardex-meaning");
        thread.setDaemon(true);
    }

    /**
     * The stage of the card index of {@code client} under {@code names}.
     *
     * @param model  loads the model, once, on the stage's thread: the indexer starts writing words without waiting for it
     * @param writer the card index the cards are written back to, shared with the checks of assets
     * @param wordsPending true while the indexer has changes to make searchable by their words: the
     *                     model, which takes every core, waits for them (text search never waits for vectors)
     */
    public static MeaningStage of(Supplier<TextEmbedder> model, ElasticsearchClient client, CardIndexNames names,
                                  CardIndex writer, BooleanSupplier wordsPending, MeterRegistry registry) {
        return new MeaningStage(model, new StoredMeanings(client, names, writer), wordsPending, registry);
    }

    public void start() {
        thread.start();
    }

    /** Takes a card just written, to give it its vector; returns at once, on the bulk writer's thread. */
    public void offer(IndexAction.Put card) {
        // Full, the card waits for the sweep: the indexer is never held up by the model.
        waiting.offer(card);
    }

    private void run() {
        while (running) {
            try {
                List<IndexAction.Put> batch = new ArrayList<>();
                IndexAction.Put first = waiting.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    waiting.drainTo(batch, BATCH - 1);
                    give(batch);
                } else if (System.nanoTime() - nextSweepNanos > 0) {
                    sweep();
                }
                reportProgress();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    // close() interrupted a request: the cards left are found by the sweep of the next start.
                    return;
                }
                // Elasticsearch away or busy: the sweep finds these cards again once it is back.
                log.warn("cannot give cards their vector now, will again within {} s: {}", SWEEP_EVERY_SECONDS,
                        e.toString());
                nextSweepNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_EVERY_SECONDS);
                sleepQuietly();
            }
        }
    }

    private void sweep() throws IOException, InterruptedException {
        nextSweepNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_EVERY_SECONDS);
        List<IndexAction.Put> lacking;
        while (running && !(lacking = index.lacking(BATCH)).isEmpty()) {
            if (give(lacking) == 0) {
                // None could be written (each changed meanwhile): their new versions come through offer.
                return;
            }
            reportProgress();
        }
    }

    /**
     * Gives every card still without a vector its vector, on the caller's thread, and returns when
     * none lacks one: for a benchmark, or an index filled while no indexer ran the stage.
     *
     * @return how many cards it wrote
     */
    public int fillAll() throws IOException, InterruptedException {
        int written = 0;
        List<IndexAction.Put> lacking;
        while (!(lacking = index.lacking(BATCH)).isEmpty()) {
            int wrote = give(lacking);
            if (wrote == 0) {
                throw new IOException(lacking.size() + " cards lack a vector and none could be given one");
            }
            written += wrote;
        }
        return written;
    }

    /** Gives the cards their vectors; answers how many it wrote. */
    int give(List<IndexAction.Put> cards) throws IOException, InterruptedException {
        Map<String, IndexAction.Put> latest = new LinkedHashMap<>();
        cards.forEach(card -> latest.merge(card.id(), card, (a, b) -> a.version() >= b.version() ? a : b));
        Map<String, StoredMeanings.Stored> stored = index.stored(List.copyOf(latest.keySet()));
        Map<String, CardText> texts = new HashMap<>();
        latest.values().forEach(card -> {
            StoredMeanings.Stored now = stored.get(card.id());
            // Only the version offered: a newer one is offered itself once written.
            if (now != null && now.version() == card.version()) {
                CardText text = CardText.of(now.document().card());
                CardMeaning has = now.document().meaning();
                if (has == null || !has.fingerprint().equals(text.fingerprint())) {
                    texts.put(card.id(), text);
                }
            }
        });
        if (texts.isEmpty()) {
            return 0;
        }
        Set<String> fingerprints = texts.values().stream().map(CardText::fingerprint).collect(Collectors.toSet());
        Map<String, CardMeaning> meanings = new HashMap<>(index.reusable(fingerprints));
        if (embedder == null) {
            embedder = model.get();
        }
        reused.increment(texts.values().stream().filter(text -> meanings.containsKey(text.fingerprint())).count());
        embedNew(texts.values(), meanings);
        Map<String, CardMeaning> writes = new LinkedHashMap<>();
        Map<String, Long> versions = new HashMap<>();
        texts.forEach((id, text) -> {
            writes.put(id, meanings.get(text.fingerprint()));
            versions.put(id, stored.get(id).version());
        });
        return index.write(versions, writes);
    }

    /** Embeds the texts {@code meanings} has no vector for, in one batch: the model spreads a batch over every core. */
    private void embedNew(Collection<CardText> texts, Map<String, CardMeaning> meanings)
            throws InterruptedException {
        Map<String, CardText> missing = new LinkedHashMap<>();
        texts.stream().filter(text -> !meanings.containsKey(text.fingerprint()))
                .forEach(text -> missing.putIfAbsent(text.fingerprint(), text));
        if (missing.isEmpty()) {
            return;
        }
        List<CardText> batch = List.copyOf(missing.values());
        for (int from = 0; from < batch.size(); from += GIVE_WAY_EVERY) {
            giveWayToWords();
            List<CardText> part = batch.subList(from, Math.min(batch.size(), from + GIVE_WAY_EVERY));
            List<float[]> vectors = onIdleCores(part.stream().map(CardText::text).toList());
            for (int i = 0; i < part.size(); i++) {
                meanings.put(part.get(i).fingerprint(), new CardMeaning(part.get(i).fingerprint(), vectors.get(i)));
            }
        }
        embedded.increment(batch.size());
        embeddedSinceProgress += batch.size();
    }

    /** The texts' vectors, made by the model on the stage's idle threads, one text per core at a time. */
    private List<float[]> onIdleCores(List<String> texts) throws InterruptedException {
        try {
            return cores.submit(() -> embedder.embedAll(texts)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("the model failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits while the indexer has changes to write: the write-backs would queue in Elasticsearch before them. */
    private void giveWayToWords() throws InterruptedException {
        while (running && wordsPending.getAsBoolean()) {
            Thread.sleep(GIVE_WAY_PAUSE_MILLIS);
        }
    }

    private void reportProgress() {
        if (System.nanoTime() - nextProgressNanos > 0) {
            if (embeddedSinceProgress > 0) {
                log.info("embedded {} cards in the last {} s ({} waiting)", embeddedSinceProgress,
                        TimeUnit.NANOSECONDS.toSeconds(PROGRESS_EVERY_NANOS), waiting.size());
            }
            embeddedSinceProgress = 0;
            nextProgressNanos = System.nanoTime() + PROGRESS_EVERY_NANOS;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cores.shutdownNow();
    }
}
