package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.store.CardDocument;
import io.cardex.store.CardIndexNames;
import java.io.IOException;
import java.util.List;

/** Full-text search over the card index. */
public final class SearchService {

    /** Where words are looked for, and how much a match there counts. */
    private static final List<String> FIELDS = List.of(
            "card.model_name^5", "card.title^4", "card.backbone_name^2", "card.train_datasets^2",
            "card.summary", "card.author", "card.body");

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public SearchService(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    public SearchResult search(SearchQuery query) throws IOException {
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias())
                .query(toElasticsearch(query))
                .from(query.from())
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true)), CardDocument.class);
        List<CardHit> hits = response.hits().hits().stream().map(SearchService::toHit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(query.text(), total, hits);
    }

    /**
     * Quoted phrases and -exclusions are understood; every other operator of the Lucene syntax is
     * taken as plain text, so no user input can make a query fail or run wild.
     */
    private static Query toElasticsearch(SearchQuery query) {
        if (query.text().isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.simpleQueryString(s -> s.query(query.text()).fields(FIELDS)
                .defaultOperator(Operator.And)
                .flags(SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Whitespace)));
    }

    private static CardHit toHit(Hit<CardDocument> hit) {
        return new CardHit(hit.score(), hit.source());
    }
}
