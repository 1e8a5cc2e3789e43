package io.cardex.indexer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("cards", 0);
    private static final TopicPartition P1 = new TopicPartition("cards", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstRecordNotWrittenYet() {
        start(P0, 10, 11, 12);
        tracker.finished(P0, 10);
        tracker.finished(P0, 12);

        assertThat(tracker.takeCommittable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(11)));

        tracker.finished(P0, 11);
        assertThat(tracker.takeCommittable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(13)));
        assertThat(tracker.takeCommittable()).isEmpty();
    }

    @Test
    void partitionsAreCommittedEachOnItsOwn() {
        start(P0, 5);
        start(P1, 7);
        tracker.finished(P1, 7);

        assertThat(tracker.takeCommittable()).containsExactly(Map.entry(P1, new OffsetAndMetadata(8)));
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void afterAFailureEachPartitionIsReadAgainFromItsFirstRecordNotWritten() {
        start(P0, 1, 2, 3);
        start(P1, 4);
        tracker.finished(P0, 1);
        tracker.failed(P0, 2);
        tracker.finished(P0, 3);
        tracker.finished(P1, 4);

        assertThat(tracker.hasFailures()).isTrue();
        assertThat(tracker.takeCommittable()).containsOnly(Map.entry(P0, new OffsetAndMetadata(2)),
                Map.entry(P1, new OffsetAndMetadata(5)));
        assertThat(tracker.takeRewindPoints()).containsExactly(Map.entry(P0, 2L));
        assertThat(tracker.hasFailures()).isFalse();
        assertThat(tracker.takeCommittable()).isEmpty();
    }

    @Test
    void aRewindWaitsForTheWritesUnderWay() {
        start(P0, 1, 2);
        tracker.failed(P0, 1);

        assertThatThrownBy(tracker::takeRewindPoints).hasMessageContaining("1 records are still being written");
    }

    @Test
    void aLateAnswerForAPartitionGivenAwayChangesNothing() {
        start(P0, 1);
        tracker.forget(List.of(P0));
        tracker.failed(P0, 1);

        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.hasFailures()).isFalse();
        assertThat(tracker.takeCommittable()).isEmpty();
    }

    @Test
    void aRebalanceWaitsUntilTheWritesOfItsPartitionsAreAnswered() throws Exception {
        start(P0, 1);
        start(P1, 2);
        CompletableFuture.runAsync(() -> {
            sleep(100);
            tracker.finished(P0, 1);
        });

        assertThat(tracker.awaitSettled(List.of(P0), Duration.ofSeconds(5))).isTrue();
        assertThat(tracker.awaitSettled(List.of(P1), Duration.ofMillis(50))).isFalse();
    }

    private void start(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            tracker.started(partition, offset);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
