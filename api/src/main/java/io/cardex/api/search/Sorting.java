package io.cardex.api.search;

import java.util.List;
import java.util.Locale;

/**
 * The order of the cards found: {@code relevance} (the default, best match first), {@code updated}
 * (newest first), {@code name} (A to Z) or {@code metric:<name>} (highest value of that metric of
 * the card's evaluation first). {@code order=asc|desc} reverses the last three; cards without the
 * sort value come last either way.
 *
 * @param metric the metric's name, lower-cased, for {@link By#METRIC}; null otherwise
 */
public record Sorting(By by, String metric, boolean ascending) {

    public static final Sorting RELEVANCE = new Sorting(By.RELEVANCE, null, false);
    public static final int MAX_METRIC_LENGTH = 100;
    private static final String METRIC_PREFIX = "metric:";
    private static final String CHOICES = "use relevance (the default), updated, name or metric:<name>, a metric of the"
            + " cards' evaluation such as metric:acc";

    /** What cards can be sorted by. */
    public enum By { RELEVANCE, UPDATED, NAME, METRIC }

    /** The kinds of sort value a cursor holds, one per sort key: the last one is always the card key. */
    enum Value { NUMBER, WHOLE_NUMBER, TEXT }

    /** Reads the {@code sort} and {@code order} parameters; either may be absent. */
    public static Sorting parse(String sort, String order) {
        String name = sort == null || sort.isBlank() ? "relevance" : sort.strip();
        By by;
        String metric = null;
        if (name.regionMatches(true, 0, METRIC_PREFIX, 0, METRIC_PREFIX.length())) {
            by = By.METRIC;
            metric = name.substring(METRIC_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
            if (metric.isEmpty() || metric.length() > MAX_METRIC_LENGTH) {
                throw new InvalidQueryException("sort", "is '" + sort + "': name a metric of 1 to " + MAX_METRIC_LENGTH
                        + " characters after 'metric:', such as metric:acc");
            }
        } else {
            by = switch (name.toLowerCase(Locale.ROOT)) {
                case "relevance" -> By.RELEVANCE;
                case "updated" -> By.UPDATED;
                case "name" -> By.NAME;
                default -> throw new InvalidQueryException("sort", "is '" + sort + "': " + CHOICES);
            };
        }
        return new Sorting(by, metric, ascending(by, order));
    }

    private static boolean ascending(By by, String order) {
        boolean byDefault = by == By.NAME;
        if (order == null || order.isBlank()) {
            return byDefault;
        }
        boolean ascending = switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidQueryException("order", "is '" + order + "': use asc or desc");
        };
        if (by == By.RELEVANCE && ascending) {
            throw new InvalidQueryException("order", "is 'asc', but relevance always puts the best match first:"
                    + " sort by updated, name or metric:<name> to choose the order");
        }
        return ascending;
    }

    /** The sort values a cursor of this sorting holds, the card key last. */
    List<Value> cursorValues() {
        return switch (by) {
            case RELEVANCE, METRIC -> List.of(Value.NUMBER, Value.TEXT);
            case UPDATED -> List.of(Value.WHOLE_NUMBER, Value.TEXT);
            case NAME -> List.of(Value.TEXT, Value.TEXT, Value.TEXT);
        };
    }

    /** As a cursor records it: {@code updated:desc}, {@code metric:acc:desc}. */
    @Override
    public String toString() {
        String direction = ascending ? "asc" : "desc";
        return by == By.METRIC ? METRIC_PREFIX + metric + ":" + direction
                : by.name().toLowerCase(Locale.ROOT) + ":" + direction;
    }
}
