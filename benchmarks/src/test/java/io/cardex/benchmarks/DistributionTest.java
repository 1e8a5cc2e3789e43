package io.cardex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static final Distribution ONE_TO_HUNDRED =
            Distribution.of(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList());

    @Test
    void aPercentileIsTheSmallestMeasurementThatSoManyDoNotExceed() {
        assertThat(ONE_TO_HUNDRED.percentile(0.50)).isEqualTo(50);
        assertThat(ONE_TO_HUNDRED.percentile(0.90)).isEqualTo(90);
        assertThat(ONE_TO_HUNDRED.percentile(0.99)).isEqualTo(99);
        assertThat(ONE_TO_HUNDRED.percentile(1.0)).isEqualTo(100).isEqualTo(ONE_TO_HUNDRED.max());
        assertThat(ONE_TO_HUNDRED.count()).isEqualTo(100);
    }

    @Test
    void aPercentileIsAlwaysOneOfTheMeasurementsNeverBetweenTwo() {
        Distribution few = Distribution.of(List.of(10.0, 40.0, 20.0, 30.0));

        assertThat(few.percentile(0.50)).isEqualTo(20);
        assertThat(few.percentile(0.51)).isEqualTo(30);
        assertThat(few.percentile(0.99)).isEqualTo(40);
        assertThat(few.percentile(0.01)).isEqualTo(10);
    }

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Distribution.of(List.of(3.3, 9.8, 4.4)).median()).isEqualTo(4.4);
        assertThat(Distribution.of(List.of(7.0)).median()).isEqualTo(7.0);
    }

    @Test
    void refusesNoMeasurementsAndFractionsOutsideZeroToOne() {
        assertThatThrownBy(() -> Distribution.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ONE_TO_HUNDRED.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ONE_TO_HUNDRED.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
