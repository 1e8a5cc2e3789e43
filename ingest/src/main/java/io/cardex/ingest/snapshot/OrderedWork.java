package io.cardex.ingest.snapshot;

import io.cardex.ingest.publish.PublishException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a piece of work per item on a pool of threads and hands the results on, on the caller's
 * thread, in the order the items came. At most {@code window} items are submitted and not yet
 * handed on: a caller that hands on slower than the pool works (Kafka's buffer full) stops
 * submitting, so memory holds a window of items, never all of them.
 */
final class OrderedWork<I, O> implements AutoCloseable {

    interface Work<I, O> {
        O apply(I item) throws IOException;
    }

    interface Sink<O> {
        void accept(O result) throws PublishException;
    }

    private final ExecutorService pool;
    private final int window;
    private final Work<I, O> work;
    private final Sink<O> sink;
    private final Deque<Future<O>> pending = new ArrayDeque<>();

    /** @param threadName the pool's threads are named after it, numbered from 1 */
    OrderedWork(int threads, int window, String threadName, Work<I, O> work, Sink<O> sink) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.window = window;
        this.work = work;
        this.sink = sink;
    }

    /** Submits an item, first handing on the oldest result when the window is full. */
    void submit(I item) throws IOException, PublishException {
        if (pending.size() >= window) {
            handOnOldest();
        }
        pending.add(pool.submit(() -> work.apply(item)));
    }

    /** Hands on every result still pending. */
    void finish() throws IOException, PublishException {
        while (!pending.isEmpty()) {
            handOnOldest();
        }
    }

    private void handOnOldest() throws IOException, PublishException {
        O result;
        try {
            result = pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
        sink.accept(result);
    }

    /** Stops the pool, dropping what has not run: after a failure, nothing more is worth doing. */
    @Override
    public void close() throws InterruptedIOException {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the workers did not stop within 30 s of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the workers stopped");
        }
    }
}
