package io.cardex.indexer.reindex;

import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends a replay's writes in bulk requests of a set size, a few at once, so that reading and
 * translating the next records overlaps Elasticsearch indexing the last ones, and Elasticsearch
 * always has a request to work on. Order between requests does not matter: every write carries
 * its change's external version, so the newest version of a card wins whichever request lands
 * last.
 */
final class ConcurrentWrites implements AutoCloseable {

    private final CardIndex target;
    private final int requestSize;
    private final int concurrentRequests;
    private final ExecutorService senders;
    private final Queue<Future<Integer>> sent = new ArrayDeque<>();
    private List<IndexAction> batch = new ArrayList<>();
    private long refused;

    /**
     * @param requestSize        writes per bulk request
     * @param concurrentRequests bulk requests under way at once at most
     */
    ConcurrentWrites(CardIndex target, int requestSize, int concurrentRequests) {
        this.target = target;
        this.requestSize = requestSize;
        this.concurrentRequests = concurrentRequests;
        this.senders = Executors.newFixedThreadPool(concurrentRequests, task -> {
            Thread thread = new Thread(task, "cardex-reindex-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Adds a write, sending a request once enough are batched; waits while as many requests as
     * allowed are under way.
     *
     * @throws IOException when a request sent before could not be written (see {@link CardIndex#write})
     */
    void add(IndexAction action) throws IOException {
        batch.add(action);
        if (batch.size() >= requestSize) {
            send();
        }
    }

    /**
     * Sends what is batched and waits until Elasticsearch has answered every request.
     *
     * @return the writes refused for the document alone since the last flush
     */
    long flush() throws IOException {
        send();
        while (!sent.isEmpty()) {
            awaitOldest();
        }
        long refusedNow = refused;
        refused = 0;
        return refusedNow;
    }

    private void send() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        while (sent.size() >= concurrentRequests) {
            awaitOldest();
        }
        List<IndexAction> request = batch;
        batch = new ArrayList<>();
        sent.add(senders.submit(() -> target.write(request).size()));
    }

    private void awaitOldest() throws IOException {
        try {
            refused += sent.remove().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a bulk request of the reindex failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the reindex was interrupted", e);
        }
    }

    /** Stops the senders; requests still under way are abandoned (the reindex failed). */
    @Override
    public void close() {
        senders.shutdownNow();
    }
}
