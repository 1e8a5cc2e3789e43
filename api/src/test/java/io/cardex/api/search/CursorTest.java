package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void readsBackWhatItWrote() {
        Cursor cursor = new Cursor("name:asc", Arrays.asList(null, "refinenet: multi-path", "hub/papers/2016/refinenet"));

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isTextThatFitsInAUrlAsItIs() {
        String encoded = new Cursor("updated:desc", List.of(1665446400000L, "hub/mindspore/1.9/refinenet_voc2012")).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingElseIsRefusedNamingTheParameter() {
        for (String text : List.of("not base64!", base64("{\"a\":1}"), base64("[]"), base64("[\"name:asc\"]"),
                base64("[1, 2]"), base64("[\"name:asc\", {\"x\": 1}]"), "x".repeat(5000))) {
            assertThatThrownBy(() -> Cursor.decode(text))
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"))
                    .hasMessageContaining("next_cursor");
        }
    }

    @Test
    void fitsOnlyTheSortValuesOfItsSorting() {
        Cursor byUpdate = new Cursor("updated:desc", List.of(1665446400000L, "hub/x/1/y"));

        assertThat(byUpdate.fits(Sorting.parse("updated", null).cursorValues())).isTrue();
        assertThat(byUpdate.fits(Sorting.parse("name", null).cursorValues())).isFalse();
        assertThat(new Cursor("updated:desc", List.of("yesterday", "hub/x/1/y"))
                .fits(Sorting.parse("updated", null).cursorValues())).isFalse();
    }

    @Test
    void aCardWithoutTheMetricSortsWithAnInfiniteValue() {
        assertThat(new Cursor("metric:acc:desc", List.of("-Infinity", "hub/x/1/y"))
                .fits(Sorting.parse("metric:acc", null).cursorValues())).isTrue();
        assertThat(new Cursor("metric:acc:desc", List.of("high", "hub/x/1/y"))
                .fits(Sorting.parse("metric:acc", null).cursorValues())).isFalse();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
