package io.cardex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LiveHeapTest {

    private static final int KEPT_BYTES = 32 << 20;
    private static final int PIECE_BYTES = 32 << 10;

    private static volatile Object garbage;

    @Test
    void countsWhatIsKeptNotWhatAnotherThreadKeepsAllocating() throws Exception {
        AtomicBoolean allocating = new AtomicBoolean(true);
        Thread allocator = new Thread(() -> {
            while (allocating.get()) {
                garbage = new byte[256 * 1024];
            }
        }, "garbage-allocator");
        allocator.start();
        try {
            // Small arrays: G1 counts one too large for half a region as whole regions.
            byte[][] kept = new byte[KEPT_BYTES / PIECE_BYTES][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[PIECE_BYTES];
            }
            long withKept = LiveHeap.afterFullCollection();
            kept[kept.length - 1][0] = 1;
            kept = null;
            long without = LiveHeap.afterFullCollection();

            // Two readings of the heap's "used" would differ by whatever the allocator had in eden.
            assertThat(withKept - without).isBetween(KEPT_BYTES - (1L << 20), KEPT_BYTES + (1L << 20));
        } finally {
            allocating.set(false);
            allocator.join();
        }
    }
}
