package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.card.Card;
import io.cardex.card.PaperRef;
import io.cardex.store.CardDocument;
import io.cardex.store.CardIndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Links model cards to paper pages. A search that matches a paper page (its task, dataset,
 * authors or abstract) also finds the model cards that cite the paper, by its title in their
 * citation or by the arXiv ids and DOIs both carry. The link is made at search time, so a paper
 * page added later links the models already indexed.
 */
final class PaperLinks {

    /** Enough papers to link every model worth showing on a first page of results. */
    private static final int MAX_PAPERS = 20;
    static final List<String> PAPER_FIELDS = List.of(
            "card.paper_page.title", "card.paper_page.abstract_text", "card.paper_page.authors",
            "card.paper_page.benchmarks.task", "card.paper_page.benchmarks.dataset");

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    PaperLinks(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Queries that find the model cards citing a paper whose page matches the text. */
    List<Query> citingModels(String text) throws IOException {
        SearchResponse<CardDocument> papers = client.search(s -> s.index(names.alias())
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("card.kind").value("paper")))
                        .must(TextMatch.textQuery(text, PAPER_FIELDS))))
                .size(MAX_PAPERS), CardDocument.class);
        List<Query> links = new ArrayList<>();
        for (Hit<CardDocument> hit : papers.hits().hits()) {
            Card paper = Objects.requireNonNull(hit.source()).card();
            if (paper.title() != null && !paper.title().isBlank()) {
                links.add(Query.of(q -> q.matchPhrase(m -> m.field("card.body.citation").query(paper.title()))));
            }
            List<FieldValue> ids = paper.body().papers().stream().map(PaperRef::id).map(FieldValue::of).toList();
            if (!ids.isEmpty()) {
                links.add(Query.of(q -> q.terms(t -> t.field("card.body.papers.id").terms(v -> v.value(ids)))));
            }
        }
        return links;
    }
}
