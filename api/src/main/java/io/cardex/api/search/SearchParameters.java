package io.cardex.api.search;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the query parameters of {@code GET /search} into a {@link SearchQuery}. A parameter it
 * does not know is refused rather than ignored, so that a misspelt filter never silently widens a
 * search.
 */
public final class SearchParameters {

    /** Parameters other than the filters; all but {@code facets} are given at most once. */
    private static final List<String> GENERAL = List.of("q", "size", "from", "cursor", "sort", "order", "group", "facets", "mode");

    /** The filters that are not facets: ranges of figures, and asset digests. */
    private static final List<String> RANGES_AND_DIGESTS = Stream.concat(
            RangeFilters.PARAMETERS.stream(), Stream.of(DigestQuery.PARAMETER)).toList();

    private final RequestParameters parameters;

    private SearchParameters(Map<String, List<String>> parameters) {
        this.parameters = new RequestParameters(parameters);
    }

    /** The search the parameters ask for, each value given as many times as the request repeats it. */
    public static SearchQuery parse(Map<String, List<String>> parameters) {
        return new SearchParameters(parameters).query();
    }

    private SearchQuery query() {
        for (String name : parameters.names()) {
            if (!GENERAL.contains(name) && FilterField.byParameter(name).isEmpty() && !RANGES_AND_DIGESTS.contains(name)) {
                throw new InvalidQueryException(name, "is not a parameter of /search: use "
                        + String.join(", ", GENERAL) + " or a filter: " + FilterField.parameterNames() + ", "
                        + String.join(", ", RANGES_AND_DIGESTS));
            }
        }
        return new SearchQuery(parameters.single("q"), parameters.number("size", SearchQuery.DEFAULT_SIZE),
                parameters.number("from", 0), Optional.ofNullable(parameters.single("cursor")).map(Cursor::decode),
                Sorting.parse(parameters.single("sort"), parameters.single("order")), filters(), facets(),
                Grouping.parse(parameters.single("group")), SearchMode.parse(parameters.single("mode")));
    }

    private Filters filters() {
        Map<FilterField, List<String>> filters = new EnumMap<>(FilterField.class);
        for (FilterField field : FilterField.values()) {
            List<String> values = field == FilterField.STATUS
                    ? StatusFilter.parse(parameters.single("status")).indexedStatus().stream().toList()
                    : parameters.all(field.parameter());
            filters.put(field, values);
        }
        return new Filters(filters, RangeFilters.parse(parameters), DigestQuery.parse(parameters.all(DigestQuery.PARAMETER)));
    }

    private List<FilterField> facets() {
        Set<FilterField> facets = new LinkedHashSet<>();
        for (String list : parameters.all("facets")) {
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    facets.add(FilterField.byParameter(name.strip()).orElseThrow(() -> new InvalidQueryException(
                            "facets", "names '" + name.strip() + "', which cannot be counted: use "
                            + FilterField.parameterNames())));
                }
            }
        }
        return List.copyOf(facets);
    }
}
