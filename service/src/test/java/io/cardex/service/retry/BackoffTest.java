package io.cardex.service.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void thePauseDoublesWithEachFailureInARow() {
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.failuresInARow()).isEqualTo(4);
    }

    @Test
    void thePauseNeverGrowsPastTheLongest() {
        for (int i = 0; i < 1_000; i++) {
            backoff.failed();
        }

        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSuccessStartsAgainFromTheFirstPause() {
        backoff.failed();
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failuresInARow()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFirstPauseOverTheLongestIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the first");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
