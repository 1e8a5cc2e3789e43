package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filters of a search on figures rather than values: metrics of the evaluation within a range
 * ({@code metric=acc>=80}, repeated: every one holds) and the card's {@code update_time} on or after
 * {@code updated_after} and on or before {@code updated_before} (days, {@code 2022-10-11}).
 *
 * @param metrics       the metric ranges, every one of which a card must pass
 * @param updatedAfter  the first day a card's update may be; empty for no bound
 * @param updatedBefore the last day a card's update may be; empty for no bound
 */
public record RangeFilters(List<MetricRange> metrics, Optional<LocalDate> updatedAfter,
                           Optional<LocalDate> updatedBefore) {

    public static final RangeFilters NONE = new RangeFilters(List.of(), Optional.empty(), Optional.empty());
    public static final String UPDATED_AFTER = "updated_after";
    public static final String UPDATED_BEFORE = "updated_before";
    /** The parameters these filters are read from. */
    public static final List<String> PARAMETERS = List.of(MetricRange.PARAMETER, UPDATED_AFTER, UPDATED_BEFORE);
    private static final String UPDATE_TIME = "card.header.update_time";

    public RangeFilters {
        metrics = List.copyOf(metrics);
        if (updatedAfter.isPresent() && updatedBefore.isPresent() && updatedAfter.get().isAfter(updatedBefore.get())) {
            throw new InvalidQueryException(UPDATED_AFTER, "is " + updatedAfter.get() + ", after " + UPDATED_BEFORE
                    + " (" + updatedBefore.get() + "), so no card could pass: give the earlier day as " + UPDATED_AFTER);
        }
    }

    static RangeFilters parse(RequestParameters parameters) {
        return new RangeFilters(parameters.all(MetricRange.PARAMETER).stream().map(MetricRange::parse).toList(),
                day(parameters, UPDATED_AFTER), day(parameters, UPDATED_BEFORE));
    }

    private static Optional<LocalDate> day(RequestParameters parameters, String name) {
        String value = parameters.single(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name, "is '" + value + "': give a day as YYYY-MM-DD, such as 2022-10-11");
        }
    }

    /** The parameters of these filters that were given, for telling which of them removed every card. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        if (!metrics.isEmpty()) {
            given.add(MetricRange.PARAMETER);
        }
        updatedAfter.ifPresent(day -> given.add(UPDATED_AFTER));
        updatedBefore.ifPresent(day -> given.add(UPDATED_BEFORE));
        return given;
    }

    /** These filters without those of one parameter. */
    RangeFilters without(String parameter) {
        return new RangeFilters(parameter.equals(MetricRange.PARAMETER) ? List.of() : metrics,
                parameter.equals(UPDATED_AFTER) ? Optional.empty() : updatedAfter,
                parameter.equals(UPDATED_BEFORE) ? Optional.empty() : updatedBefore);
    }

    /** One query per filter, each to hold. */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>(metrics.stream().map(MetricRange::query).toList());
        if (updatedAfter.isPresent() || updatedBefore.isPresent()) {
            queries.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field(UPDATE_TIME);
                updatedAfter.ifPresent(day -> u.gte(JsonData.of(day.toString())));
                updatedBefore.ifPresent(day -> u.lte(JsonData.of(day.toString())));
                return u;
            }))));
        }
        return queries;
    }
}
