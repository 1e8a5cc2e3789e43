package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusFilterTest {

    @Test
    void aSearchLooksAtValidCardsUnlessAskedOtherwise() {
        assertThat(StatusFilter.parse(null)).isEqualTo(StatusFilter.VALID);
        assertThat(StatusFilter.parse("Invalid")).isEqualTo(StatusFilter.INVALID);
        assertThat(StatusFilter.parse("all")).isEqualTo(StatusFilter.ALL);
    }

    @Test
    void anUnknownStatusSaysWhatToUse() {
        assertThatThrownBy(() -> StatusFilter.parse("broken"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'broken'").hasMessageContaining("valid (the default), invalid or all");
    }
}
