package io.cardex.indexer.verify.internals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A response body handed to the reading thread as the HTTP client's own buffers, without copying.
 * Buffers are requested ahead so that the network keeps filling while the reader hashes: in
 * lock-step, as {@code BodyHandlers.ofInputStream()} reads, a download runs at about half the speed
 * of the digest. At most {@link #AHEAD} lists of buffers are held however large the body, about
 * 1 MiB with the client's 16 KiB buffers, 4 MiB with 64 KiB ({@code -Djdk.httpclient.bufsize}).
 */
final class BodyChunks implements HttpResponse.BodySubscriber<BodyChunks>, AutoCloseable {

    private static final int AHEAD = 64;
    /**
     * Lists read before more are requested, together: the client pauses reading when nothing is
     * requested and resumes through its selector thread, so asking for one list at a time woke it
     * for every buffer.
     */
    private static final int REQUEST_BATCH = AHEAD / 2;
    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<List<ByteBuffer>> queue = new ArrayBlockingQueue<>(AHEAD + 1);
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private volatile boolean closed;
    private volatile Throwable failure;
    private Iterator<ByteBuffer> current = Collections.emptyIterator();
    private boolean ended;
    private int readSinceRequest;

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription.set(newSubscription);
        if (closed) {
            newSubscription.cancel();
        } else {
            newSubscription.request(AHEAD);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        queue.add(END);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public CompletionStage<BodyChunks> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    /**
     * The next buffer of the body, or null at its end.
     *
     * @throws TimeoutException when no buffer came within {@code wait}
     * @throws IOException      when the body broke off
     */
    ByteBuffer next(Duration wait) throws IOException, TimeoutException, InterruptedException {
        while (!current.hasNext()) {
            if (ended) {
                return null;
            }
            List<ByteBuffer> buffers = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (buffers == null) {
                throw new TimeoutException("no data for " + wait);
            }
            if (buffers == END) {
                ended = true;
                if (failure != null) {
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                return null;
            }
            if (++readSinceRequest == REQUEST_BATCH) {
                subscription.get().request(REQUEST_BATCH);
                readSinceRequest = 0;
            }
            current = buffers.iterator();
        }
        return current.next();
    }

    /** Stops receiving; an unread rest of the body is not downloaded. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription receiving = subscription.get();
        if (receiving != null && !ended) {
            receiving.cancel();
        }
    }
}
