package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.cardex.cardindex.MetricPercent;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code metric=} filter, such as {@code acc>=80}: a card passes when a metric of that name in
 * its evaluation compares so with the bound.
 *
 * <p>Cards write shares both ways, {@code acc0.8} and {@code acc80}, so both sides are compared in
 * percent: a value from 0 to 1 (a card's, or the bound's unless it says {@code %}) is read as a
 * fraction and counts a hundred times as much. {@code acc>=80} and {@code acc>=0.8} are the same
 * filter, and both find the card writing {@code acc0.85} and the one writing {@code acc85}. It is
 * done here rather than with the values the indexer writes in percent ({@link MetricPercent}),
 * so that the filter needs no card written again.
 *
 * @param name       the metric's name, lower-cased as the index keeps it
 * @param comparison how a card's value must compare with the bound
 * @param percent    the bound, in percent
 */
public record MetricRange(String name, Comparison comparison, double percent) {

    public static final String PARAMETER = "metric";
    public static final int MAX_NAME_LENGTH = 100;
    private static final String METRICS = "card.header.evaluation.metrics";
    private static final String VALUE = METRICS + ".value";
    private static final Query FRACTION = Query.of(q -> q.range(r -> r.untyped(u -> u.field(VALUE)
            .gte(JsonData.of(0)).lte(JsonData.of(1)))));
    /** The comparison is the last one: names such as {@code TRP@FAR=1%} hold signs of their own. */
    private static final Pattern FORM = Pattern.compile("(.*[^<>=\\s])\\s*(>=|<=|>|<|=)\\s*(-?\\d+(?:\\.\\d+)?)\\s*(%?)");
    private static final String EXPECTED = "a metric, a comparison (>=, >, <=, < or =) and a number, such as"
            + " metric=acc>=80";

    /** How a value must compare with the bound. */
    public enum Comparison {
        AT_LEAST(">="), MORE_THAN(">"), AT_MOST("<="), LESS_THAN("<"), EQUAL("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        static Comparison of(String symbol) {
            for (Comparison comparison : values()) {
                if (comparison.symbol.equals(symbol)) {
                    return comparison;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** Reads one value of the {@code metric} parameter. */
    public static MetricRange parse(String value) {
        Matcher matcher = FORM.matcher(value.strip());
        if (!matcher.matches()) {
            throw new InvalidQueryException(PARAMETER, "is '" + value + "': give " + EXPECTED);
        }
        String name = matcher.group(1).strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidQueryException(PARAMETER, "names a metric of " + name.length() + " characters; the limit is "
                    + MAX_NAME_LENGTH);
        }
        double bound = Double.parseDouble(matcher.group(3));
        // A bound with a % sign is in percent already: acc>=0.5% is half a percent.
        return new MetricRange(name, Comparison.of(matcher.group(2)), matcher.group(4).isEmpty() ? MetricPercent.inPercent(bound) : bound);
    }

    /**
     * The cards with the metric in range: values written in percent (or not shares at all) compare
     * with the bound as they are, fractions with the bound divided by a hundred.
     */
    Query query() {
        Query asWritten = Query.of(q -> q.bool(b -> b.filter(bound(percent)).mustNot(FRACTION)));
        Query asFraction = Query.of(q -> q.bool(b -> b.filter(FRACTION)
                .filter(bound(BigDecimal.valueOf(percent).movePointLeft(2).doubleValue()))));
        return Query.of(q -> q.nested(n -> n.path(METRICS).query(inner -> inner.bool(b -> b
                .filter(f -> f.term(t -> t.field(METRICS + ".name").value(name)))
                .filter(f -> f.bool(either -> either.should(asWritten, asFraction).minimumShouldMatch("1")))))));
    }

    private Query bound(double value) {
        JsonData bound = JsonData.of(value);
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(VALUE);
            return switch (comparison) {
                case AT_LEAST -> u.gte(bound);
                case MORE_THAN -> u.gt(bound);
                case AT_MOST -> u.lte(bound);
                case LESS_THAN -> u.lt(bound);
                case EQUAL -> u.gte(bound).lte(bound);
            };
        })));
    }
}
