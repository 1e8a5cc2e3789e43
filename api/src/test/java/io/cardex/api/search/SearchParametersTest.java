package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @Test
    void noParametersAskForTheFirstTenValidCardsBestFirstWithoutFacets() {
        SearchQuery query = parse("");

        assertThat(query.text()).isEmpty();
        assertThat(query.size()).isEqualTo(10);
        assertThat(query.from()).isZero();
        assertThat(query.cursor()).isEmpty();
        assertThat(query.sorting()).isEqualTo(Sorting.RELEVANCE);
        assertThat(query.filters().values()).containsExactly(entry(FilterField.STATUS, List.of("valid")));
        assertThat(query.facets()).isEmpty();
    }

    @Test
    void aRepeatedFilterAcceptsAnyOfItsValuesAndFiltersOfDifferentFieldsAllApply() {
        SearchQuery query = parse("dataset=coco2017&dataset=voc2012&license=Apache2.0&status=all");

        assertThat(query.filters().values()).containsExactly(
                entry(FilterField.DATASET, List.of("coco2017", "voc2012")),
                entry(FilterField.LICENSE, List.of("Apache2.0")));
    }

    @Test
    void aFilterValueMayHoldCommasBecauseOnlyRepeatingAddsValues() {
        assertThat(parse("author=Lin, Milan").filters().values()).containsEntry(FilterField.AUTHOR, List.of("Lin, Milan"));
    }

    @Test
    void blankValuesAreAsIfAbsent() {
        SearchQuery query = parse("q=&size=&dataset=&module_type=cv");

        assertThat(query.size()).isEqualTo(10);
        assertThat(query.filters().values()).containsOnlyKeys(FilterField.STATUS, FilterField.MODULE_TYPE);
    }

    @Test
    void everyFilterHasAParameter() {
        for (FilterField field : FilterField.values()) {
            String value = field == FilterField.STATUS ? "invalid" : "x";
            assertThat(parse(field.parameter() + "=" + value).filters().values()).containsKey(field);
        }
    }

    @Test
    void facetsAreListedWithCommasOrRepeatedEachCountedOnceInTheOrderAsked() {
        assertThat(parse("facets=dataset,module_type&facets=license,dataset").facets())
                .containsExactly(FilterField.DATASET, FilterField.MODULE_TYPE, FilterField.LICENSE);
    }

    @Test
    void anUnknownParameterIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> parse("q=x&colour=red"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("colour"))
                .hasMessageStartingWith("parameter 'colour' is not a parameter of /search: use q, size, from, cursor,"
                        + " sort, order, group, facets, mode or a filter: module_type, module_detail, dataset, version, license,"
                        + " author, user, backend, file_format, used_for, asset_status, kind, status, metric, updated_after,"
                        + " updated_before, sha256");
    }

    @Test
    void aSearchIsHybridUnlessItAsksForWordsOrMeaningAlone() {
        assertThat(parse("q=segment roads").mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(parse("q=resnet50&mode=text").mode()).isEqualTo(SearchMode.TEXT);
        assertThat(parse("q=segment roads&mode=Semantic").mode()).isEqualTo(SearchMode.SEMANTIC);
    }

    @Test
    void anUnknownModeIsRefusedNamingTheThree() {
        assertThatThrownBy(() -> parse("q=x&mode=fuzzy"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("mode").hasMessageContaining("text").hasMessageContaining("semantic")
                .hasMessageContaining("hybrid");
    }

    @Test
    void anUnknownFacetIsRefused() {
        assertThatThrownBy(() -> parse("facets=dataset,colour"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("facets"))
                .hasMessageContaining("'colour'");
    }

    @Test
    void aParameterThatTakesOneValueIsRefusedTwice() {
        assertThatThrownBy(() -> parse("sort=name&sort=updated"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("sort"))
                .hasMessage("parameter 'sort' is given 2 times; give it once");
        assertThatThrownBy(() -> parse("status=valid&status=invalid"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("status"));
    }

    @Test
    void sizeMustBeAWholeNumber() {
        assertThatThrownBy(() -> parse("size=ten"))
                .hasMessage("parameter 'size' must be a whole number, not 'ten'");
    }

    @Test
    void aCursorContinuesTheSortItWasMadeFor() {
        String byName = new Cursor("name:asc", List.of("refinenet", "refinenet", "hub/mindspore/1.9/refinenet_voc2012"))
                .encode();

        assertThat(parse("sort=name&group=card&cursor=" + byName).cursor()).isPresent();
        assertThatThrownBy(() -> parse("sort=updated&group=card&cursor=" + byName))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"))
                .hasMessageContaining("sorted by name:asc, not by updated:desc");
    }

    @Test
    void aCursorOfModelsNeverContinuesASearchOfCardsNorTheOtherWay() {
        String ofCards = new Cursor("name:asc", List.of("refinenet", "refinenet", "hub/mindspore/1.9/refinenet_voc2012"))
                .encode();
        String ofModels = new Cursor("models/name:asc", List.of(10)).encode();

        assertThat(parse("sort=name&cursor=" + ofModels).cursor()).isPresent();
        assertThatThrownBy(() -> parse("sort=name&cursor=" + ofCards))
                .hasMessageContaining("sorted by name:asc, not by models/name:asc");
        assertThatThrownBy(() -> parse("sort=name&group=card&cursor=" + ofModels))
                .hasMessageContaining("sorted by models/name:asc, not by name:asc");
    }

    @Test
    void groupIsModelUnlessCardIsAsked() {
        assertThat(parse("q=resnet50").grouping()).isEqualTo(Grouping.MODEL);
        assertThat(parse("group=CARD").grouping()).isEqualTo(Grouping.CARD);
        assertThatThrownBy(() -> parse("group=version"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("group"))
                .hasMessageContaining("use model");
    }

    @Test
    void aMalformedCursorIsRefused() {
        assertThatThrownBy(() -> parse("cursor=bm90IGEgY3Vyc29y"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }

    @Test
    void fromAndCursorTogetherAreRefused() {
        String cursor = new Cursor("relevance:desc", List.of(1.5, "hub/x/1/y")).encode();

        assertThatThrownBy(() -> parse("from=20&cursor=" + cursor))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @Test
    void metricRangesRepeatAndComeWithTheOtherFilters() {
        SearchQuery query = parse("metric=acc>=80&metric=mAP<0.5&dataset=coco2017");

        assertThat(query.filters().ranges().metrics()).containsExactly(
                new MetricRange("acc", MetricRange.Comparison.AT_LEAST, 80),
                new MetricRange("map", MetricRange.Comparison.LESS_THAN, 50));
        assertThat(query.filters().values()).containsEntry(FilterField.DATASET, List.of("coco2017"));
        assertThat(query.filters().given()).containsExactly("dataset", "status", "metric");
    }

    @Test
    void updateTimeIsBoundedByDaysOnEitherSide() {
        RangeFilters ranges = parse("updated_after=2022-01-01&updated_before=2022-12-31").filters().ranges();

        assertThat(ranges.updatedAfter()).contains(LocalDate.of(2022, 1, 1));
        assertThat(ranges.updatedBefore()).contains(LocalDate.of(2022, 12, 31));
    }

    @Test
    void anUpdateBoundThatIsNoDayIsRefusedNamingTheForm() {
        assertThatThrownBy(() -> parse("updated_after=last+week"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("updated_after"))
                .hasMessage("parameter 'updated_after' is 'last+week': give a day as YYYY-MM-DD, such as 2022-10-11");
        assertThatThrownBy(() -> parse("updated_before=2022-13-01"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("updated_before"));
    }

    @Test
    void anUpdateRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> parse("updated_after=2023-01-01&updated_before=2022-01-01"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("updated_after"))
                .hasMessageContaining("after updated_before (2022-01-01)");
    }

    @Test
    void digestsOfTheSha256FilterAreLowerCasedAndAnyMayMatch() {
        Filters filters = parse("sha256=9DC18191AB&sha256=" + "0".repeat(64)).filters();

        assertThat(filters.digests()).containsExactly("9dc18191ab", "0".repeat(64));
        assertThat(filters.without("sha256").digests()).isEmpty();
        assertThat(filters.without("sha256").values()).isEqualTo(filters.values());
    }

    @Test
    void aDigestShorterThanEightHexDigitsOrNotHexIsRefused() {
        for (String digest : List.of("9dc1819", "9dc18191xyz", "0".repeat(65))) {
            assertThatThrownBy(() -> parse("sha256=" + digest))
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("sha256"))
                    .hasMessageContaining("give an asset's SHA-256 as 64 hex digits, or at least its first 8");
        }
    }

    @Test
    void leavingOutOneFilterKeepsEveryOther() {
        Filters filters = parse("dataset=coco2017&metric=acc>=80&updated_after=2022-01-01&sha256=9dc18191").filters();

        assertThat(filters.without("metric").ranges().metrics()).isEmpty();
        assertThat(filters.without("metric").ranges().updatedAfter()).isPresent();
        assertThat(filters.without("dataset").values()).doesNotContainKey(FilterField.DATASET);
        assertThat(filters.without("dataset").ranges()).isEqualTo(filters.ranges());
        assertThat(filters.without("dataset").digests()).containsExactly("9dc18191");
        assertThat(filters.without("updated_after").ranges().updatedAfter()).isEmpty();
    }

    /** The parameters of a query string as Javalin hands them over: each name with its values in order. */
    private static SearchQuery parse(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.computeIfAbsent(pair.substring(0, equals), name -> new ArrayList<>())
                        .add(pair.substring(equals + 1));
            }
        }
        return SearchParameters.parse(parameters);
    }
}
