package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SortingTest {

    @Test
    void theBestMatchComesFirstUnlessAskedOtherwise() {
        assertThat(Sorting.parse(null, null)).isEqualTo(Sorting.RELEVANCE);
        assertThat(Sorting.parse("relevance", "desc")).isEqualTo(Sorting.RELEVANCE);
    }

    @Test
    void eachSortHasTheDirectionPeopleExpect() {
        assertThat(Sorting.parse("updated", null)).isEqualTo(new Sorting(Sorting.By.UPDATED, null, false));
        assertThat(Sorting.parse("name", null)).isEqualTo(new Sorting(Sorting.By.NAME, null, true));
        assertThat(Sorting.parse("metric:acc", null)).isEqualTo(new Sorting(Sorting.By.METRIC, "acc", false));
    }

    @Test
    void orderReversesIt() {
        assertThat(Sorting.parse("updated", "asc").ascending()).isTrue();
        assertThat(Sorting.parse("name", "DESC").ascending()).isFalse();
        assertThat(Sorting.parse("metric:iou", "asc").ascending()).isTrue();
    }

    @Test
    void metricNamesAreMatchedWhateverTheirCase() {
        assertThat(Sorting.parse("Metric:mAP", null).metric()).isEqualTo("map");
    }

    @Test
    void anUnknownSortIsRefusedListingTheChoices() {
        assertThatThrownBy(() -> Sorting.parse("popularity", null))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("sort"))
                .hasMessageContaining("'popularity'").hasMessageContaining("relevance (the default), updated, name or metric:<name>");
        assertThatThrownBy(() -> Sorting.parse("metric:", null)).hasMessageContaining("such as metric:acc");
    }

    @Test
    void anUnknownOrderIsRefused() {
        assertThatThrownBy(() -> Sorting.parse("name", "up"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("order"))
                .hasMessage("parameter 'order' is 'up': use asc or desc");
    }

    @Test
    void relevanceCannotPutTheWorstMatchFirst() {
        assertThatThrownBy(() -> Sorting.parse(null, "asc"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("order"));
    }

    @Test
    void aCursorNamesTheSortingItContinues() {
        assertThat(Sorting.parse("metric:acc", "asc")).hasToString("metric:acc:asc");
        assertThat(Sorting.parse("updated", null)).hasToString("updated:desc");
    }
}
