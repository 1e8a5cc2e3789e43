package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.api.search.MetricRange.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRangeTest {

    @Test
    void aRangeIsAMetricAComparisonAndABound() {
        assertThat(MetricRange.parse("acc>=80")).isEqualTo(new MetricRange("acc", Comparison.AT_LEAST, 80));
        assertThat(MetricRange.parse("mAP > 41.5")).isEqualTo(new MetricRange("map", Comparison.MORE_THAN, 41.5));
        assertThat(MetricRange.parse("top1_acc<=76.13%")).isEqualTo(new MetricRange("top1_acc", Comparison.AT_MOST, 76.13));
        assertThat(MetricRange.parse("fps<30")).isEqualTo(new MetricRange("fps", Comparison.LESS_THAN, 30));
        assertThat(MetricRange.parse("iou=98")).isEqualTo(new MetricRange("iou", Comparison.EQUAL, 98));
    }

    @Test
    void metricNamesMayHoldTheSignsCardsWriteInThem() {
        assertThat(MetricRange.parse("100%-EER>=98").name()).isEqualTo("100%-eer");
        assertThat(MetricRange.parse("acc@1>=70").name()).isEqualTo("acc@1");
        assertThat(MetricRange.parse("TRP@FAR=1%>=98.5")).isEqualTo(new MetricRange("trp@far=1%", Comparison.AT_LEAST, 98.5));
    }

    @Test
    void aBoundWrittenAsAFractionIsInPercentLikeTheCardsFractions() {
        assertThat(MetricRange.parse("acc>=0.8").percent()).isEqualTo(80.0);
        assertThat(MetricRange.parse("acc>=1").percent()).isEqualTo(100.0);
        assertThat(MetricRange.parse("acc>=0").percent()).isEqualTo(0.0);
        assertThat(MetricRange.parse("acc>=1.5").percent()).isEqualTo(1.5);
        assertThat(MetricRange.parse("loss<=-0.5").percent()).isEqualTo(-0.5);
        assertThat(MetricRange.parse("acc>=0.5%").percent()).as("a bound with % is in percent").isEqualTo(0.5);
    }

    @Test
    void aRangeWithoutComparisonNameOrNumberIsRefusedNamingTheForm() {
        for (String value : List.of("acc", "acc80", ">=80", "acc>=high", "acc=>80", "acc>=80 and more")) {
            assertThatThrownBy(() -> MetricRange.parse(value))
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("metric"))
                    .hasMessage("parameter 'metric' is '" + value + "': give a metric, a comparison (>=, >, <=, < or =)"
                            + " and a number, such as metric=acc>=80");
        }
    }
}
