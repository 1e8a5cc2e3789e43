package io.cardex.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeliveryLogTest {

    @Test
    void aDeliveryIdIsNewOnceAndADuplicateAfterwards() {
        DeliveryLog log = new DeliveryLog(10);

        assertThat(log.remember("github:a")).isTrue();
        assertThat(log.remember("github:a")).isFalse();
        assertThat(log.remember("gitlab:a")).isTrue();
    }

    @Test
    void forgetsTheOldestIdsBeyondItsCapacity() {
        DeliveryLog log = new DeliveryLog(3);
        log.remember("1");
        log.remember("2");
        log.remember("3");
        log.remember("4");

        assertThat(log.remember("4")).isFalse();
        assertThat(log.remember("2")).isFalse();
        assertThat(log.remember("1")).as("evicted as the oldest").isTrue();
    }

    @Test
    void aForgottenIdIsNewAgain() {
        DeliveryLog log = new DeliveryLog(10);
        log.remember("github:a");

        log.forget("github:a");

        assertThat(log.remember("github:a")).isTrue();
    }

    @Test
    void concurrentDeliveriesOfTheSameIdsAreEachNewExactlyOnce() throws Exception {
        DeliveryLog log = new DeliveryLog(10_000);
        int threads = 8;
        int ids = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(() -> {
                    int fresh = 0;
                    for (int id = 0; id < ids; id++) {
                        fresh += log.remember("delivery-" + id) ? 1 : 0;
                    }
                    return fresh;
                });
            }
            int total = 0;
            for (Future<Integer> sender : pool.invokeAll(senders)) {
                total += sender.get();
            }
            assertThat(total).isEqualTo(ids);
        } finally {
            pool.shutdownNow();
        }
    }
}
