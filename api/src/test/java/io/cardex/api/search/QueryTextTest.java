package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void plainWordsAreSetApartFromPhrasesAndExclusions() {
        QueryText text = QueryText.parse("refinnet \"semantic segmentation\"  -voc2012 -\"road extraction\" cv");

        assertThat(text.words()).containsExactly("refinnet", "cv");
        assertThat(text.rest()).isEqualTo("\"semantic segmentation\" -voc2012 -\"road extraction\"");
    }

    @Test
    void aHyphenInsideAWordIsPartOfIt() {
        assertThat(QueryText.parse("nas-fpn").words()).isEqualTo(List.of("nas-fpn"));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        QueryText text = QueryText.parse("dlinknet \"road extr");

        assertThat(text.words()).containsExactly("dlinknet");
        assertThat(text.rest()).isEqualTo("\"road extr");
    }
}
