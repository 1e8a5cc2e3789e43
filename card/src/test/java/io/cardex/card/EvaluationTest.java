package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void readsNameThenNumber() {
        assertThat(Evaluation.parse("mAP41.51").metrics()).containsExactly(new Metric("mAP", 41.51));
    }

    @Test
    void readsNameColonNumberWithSymbolsInTheName() {
        assertThat(Evaluation.parse("100%-EER:98.73 | TRP@FAR=1%:98.53").metrics()).containsExactly(
                new Metric("100%-EER", 98.73), new Metric("TRP@FAR=1%", 98.53));
    }

    @Test
    void keepsAFigureTooLargeForADoubleInTheRawTextOnly() {
        Evaluation evaluation = Evaluation.parse("acc" + "9".repeat(400) + " | iou98.08");

        assertThat(evaluation.metrics()).containsExactly(new Metric("iou", 98.08));
        assertThat(evaluation.raw()).startsWith("acc999");
    }

    @Test
    void keepsTheRawTextOfFiguresItCannotRead() {
        Evaluation evaluation = Evaluation.parse("2.0m | 5.93d");

        assertThat(evaluation.metrics()).isEmpty();
        assertThat(evaluation.raw()).isEqualTo("2.0m | 5.93d");
    }
}
