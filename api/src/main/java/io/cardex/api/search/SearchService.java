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
import java.util.Optional;

/** Full-text search over the card index. */
public final class SearchService {

    /** Where words are looked for, and how much a match there counts. */
    private static final List<String> FIELDS = List.of(
            "card.header.model_name^5", "card.title^4", "card.header.backbone_name^2", "card.header.train_datasets^2",
            "card.header.module_type.detail^2", "card.header.summary", "card.header.author", "card.body.markdown",
            "other_text", "identifier_words^2", "card.chinese.title^2", "card.chinese.summary", "card.chinese.body.markdown",
            "card.paper_page.title^4", "card.paper_page.abstract_text", "card.paper_page.authors",
            "card.paper_page.benchmarks.task^2", "card.paper_page.benchmarks.dataset^2");

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final PaperLinks paperLinks;

    public SearchService(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
        this.paperLinks = new PaperLinks(client, names);
    }

    public SearchResult search(SearchQuery query) throws IOException {
        Query cards = toElasticsearch(query);
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias())
                .query(cards)
                .from(query.from())
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true)), CardDocument.class);
        List<CardHit> hits = response.hits().hits().stream().map(SearchService::toHit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(query.text(), total, hits);
    }

    /** The words of the query, and the model cards citing a paper whose page matches them, among the cards asked for. */
    private Query toElasticsearch(SearchQuery query) throws IOException {
        Query matching = matching(query.text());
        Optional<String> status = query.status().indexedStatus();
        if (status.isEmpty()) {
            return matching;
        }
        return Query.of(q -> q.bool(b -> b.must(matching).filter(f -> f.term(t -> t.field("status").value(status.get())))));
    }

    private Query matching(String text) throws IOException {
        if (text.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> citingModels = paperLinks.citingModels(text);
        Query words = textQuery(text, FIELDS);
        if (citingModels.isEmpty()) {
            return words;
        }
        return Query.of(q -> q.bool(b -> b.should(words).should(citingModels).minimumShouldMatch("1")));
    }

    /**
     * Quoted phrases and -exclusions are understood; every other operator of the Lucene syntax is
     * taken as plain text, so no user input can make a query fail or run wild.
     */
    static Query textQuery(String text, List<String> fields) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(fields)
                .defaultOperator(Operator.And)
                .flags(SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Whitespace)));
    }

    private static CardHit toHit(Hit<CardDocument> hit) {
        return new CardHit(hit.score(), hit.source());
    }
}
