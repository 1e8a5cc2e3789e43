package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.SortMode;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch sort of a {@link Sorting}. The card key comes last as a tie-breaker, so that
 * every card has a place of its own and a cursor resumes exactly after the last card shown.
 */
final class SortClauses {

    /** The card's metrics with shares in percent, so that a card's 0.81 sorts above another's 80. */
    private static final String METRICS = "metric_percents";

    private SortClauses() {
    }

    static List<SortOptions> of(Sorting sorting) {
        SortOrder order = sorting.ascending() ? SortOrder.Asc : SortOrder.Desc;
        List<SortOptions> clauses = new ArrayList<>(switch (sorting.by()) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
            case UPDATED -> List.of(field("card.header.update_time", order));
            // Paper pages have no model name: they follow the model cards, by their title.
            case NAME -> List.of(field("card.header.model_name.keyword", order), field("card.title.keyword", order));
            case METRIC -> List.of(metric(sorting.metric(), order));
        });
        clauses.add(field("key", SortOrder.Asc));
        return clauses;
    }

    private static SortOptions field(String field, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order).missing("_last")));
    }

    /** A card naming the metric twice sorts by its best value for the order: the highest first, or the lowest. */
    private static SortOptions metric(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(METRICS + ".percent").order(order).missing("_last")
                .mode(order == SortOrder.Asc ? SortMode.Min : SortMode.Max)
                .nested(n -> n.path(METRICS).filter(q -> q.term(t -> t.field(METRICS + ".name").value(name))))));
    }
}
