package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void noWordsMeansEveryCard() {
        assertThat(query(null, 10, 0).text()).isEmpty();
        assertThat(query("  refinenet ", 10, 0).text()).isEqualTo("refinenet");
    }

    @Test
    void aPageOfMoreThanAHundredCardsIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> query("x", 101, 0))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"))
                .hasMessage("parameter 'size' must be between 1 and 100, not 101");
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertThatThrownBy(() -> query("a".repeat(501), 10, 0))
                .hasMessage("parameter 'q' is 501 characters long; the limit is 500");
    }

    @Test
    void pagingBeyondTheIndexWindowIsRefusedPointingAtTheCursor() {
        assertThatThrownBy(() -> query("x", 10, 20_000))
                .hasMessageContaining("parameter 'from' must be between 0 and")
                .hasMessageContaining("cursor");
    }

    private static SearchQuery query(String text, int size, int from) {
        return new SearchQuery(text, size, from, Optional.empty(), Sorting.RELEVANCE, new Filters(Map.of()),
                List.of(), Grouping.MODEL, SearchMode.TEXT);
    }
}
