package io.cardex.cardindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.Metric;
import org.junit.jupiter.api.Test;

class MetricPercentTest {

    @Test
    void aFractionInPercentIsExactInDecimal() {
        assertThat(MetricPercent.inPercent(0.8)).isEqualTo(80.0);
        assertThat(MetricPercent.inPercent(0.7613)).isEqualTo(76.13);
        assertThat(MetricPercent.inPercent(80)).isEqualTo(80.0);
    }

    @Test
    void aCardsFractionAndAnotherCardsPercentageOfAMetricAreTheSameNumber() {
        assertThat(MetricPercent.of(new Metric("ACC", 0.81))).isEqualTo(new MetricPercent("acc", 81.0));
        assertThat(MetricPercent.of(new Metric("acc", 80))).isEqualTo(new MetricPercent("acc", 80.0));
        assertThat(MetricPercent.of(new Metric("fps", 30))).isEqualTo(new MetricPercent("fps", 30.0));
    }
}
