package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void plainWordsAreSetApartFromPhrasesAndExclusions() {
        QueryText text = QueryText.parse("refinnet \"semantic segmentation\"  -voc2012 -\"road extraction\" cv");

        assertThat(text.words()).containsExactly("refinnet", "cv");
        assertThat(text.phrases()).containsExactly("\"semantic segmentation\"");
        assertThat(text.excluded()).containsExactly("voc2012", "\"road extraction\"");
    }

    @Test
    void aHyphenInsideAWordIsPartOfIt() {
        assertThat(QueryText.parse("nas-fpn").words()).containsExactly("nas-fpn");
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(QueryText.parse("dlinknet \"road extr").phrases()).containsExactly("\"road extr");
    }

    @Test
    void aLoneHyphenExcludesNothing() {
        assertThat(QueryText.parse("refinenet - ").excluded()).isEmpty();
    }
}
