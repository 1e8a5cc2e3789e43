package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    @Test
    void anIndexerThatStopsOnItsOwnEndsTheRunWithAFailure() {
        PipelineRun run = new PipelineRun();

        assertThat(run.awaitStop(() -> false)).isEqualTo(1);
    }

    @Test
    void anIndexerStoppedBecauseTheProcessStopsIsNoFailure() throws Exception {
        PipelineRun run = new PipelineRun();
        AtomicBoolean indexerRunning = new AtomicBoolean(true);
        // Stopping takes longer than one look at the indexer, which is down meanwhile.
        run.track(() -> {
            indexerRunning.set(false);
            Thread.sleep(2_500);
        });
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> run.awaitStop(indexerRunning::get));

        run.stop();

        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
    }
}
