package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void noWordsMeansEveryCard() {
        assertThat(new SearchQuery(null, 10, 0, StatusFilter.VALID).text()).isEmpty();
        assertThat(new SearchQuery("  refinenet ", 10, 0, StatusFilter.VALID).text()).isEqualTo("refinenet");
    }

    @Test
    void aPageOfMoreThanAHundredCardsIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new SearchQuery("x", 101, 0, StatusFilter.VALID))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"))
                .hasMessage("parameter 'size' must be between 1 and 100, not 101");
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertThatThrownBy(() -> new SearchQuery("a".repeat(501), 10, 0, StatusFilter.VALID))
                .hasMessage("parameter 'q' is 501 characters long; the limit is 500");
    }

    @Test
    void pagingBeyondTheIndexWindowIsRefused() {
        assertThatThrownBy(() -> new SearchQuery("x", 10, 20_000, StatusFilter.VALID))
                .hasMessageContaining("parameter 'from' must be between 0 and");
    }
}
