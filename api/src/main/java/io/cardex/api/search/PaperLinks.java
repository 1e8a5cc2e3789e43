package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Links model cards to paper pages. A search that matches a paper page (its task, dataset,
 * authors or abstract) also finds the model cards that cite the paper, by its title in their
 * citation or by the arXiv ids and DOIs both carry. The link is made at search time, so a paper
 * page added later links the models already indexed.
 *
 * <p>The papers some words match are remembered for a few seconds: looking them up is a second
 * Elasticsearch request before every search with words, which costs Elasticsearch about as much
 * as the search itself, while paper pages change seldom. Only which papers match is remembered;
 * the models citing them are found afresh by every search, so a new model card is found at once.
 */
final class PaperLinks {

    /** Enough papers to link every model worth showing on a first page of results. */
    private static final int MAX_PAPERS = 20;
    /** A paper page added or changed links the models citing it into searches within this time. */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);
    /** Searches with different words remembered at once; a few MB at most. */
    private static final int REMEMBERED_SEARCHES = 10_000;
    static final List<String> PAPER_FIELDS = List.of(
            "card.paper_page.title", "card.paper_page.abstract_text", "card.paper_page.authors",
            "card.paper_page.benchmarks.task", "card.paper_page.benchmarks.dataset");

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final Cache<String, List<Query>> linksByText = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_SEARCHES).expireAfterWrite(REMEMBERED_FOR).build();

    PaperLinks(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Queries that find the model cards citing a paper whose page matches the text. */
    List<Query> citingModels(String text) throws IOException {
        try {
            return linksByText.get(text, this::lookUp);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Asks Elasticsearch; a failure is not remembered. */
    private List<Query> lookUp(String text) {
        try {
            return links(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Query> links(String text) throws IOException {
        SearchResponse<JsonNode> papers = client.search(s -> s.index(names.alias())
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("card.kind").value("paper")))
                        .must(TextMatch.textQuery(text, PAPER_FIELDS))))
                // Only what the links are made of: a paper page's text is long and not needed here.
                .source(src -> src.filter(f -> f.includes("card.title", "card.body.papers")))
                .size(MAX_PAPERS), JsonNode.class);
        List<Query> links = new ArrayList<>();
        for (Hit<JsonNode> hit : papers.hits().hits()) {
            JsonNode paper = Objects.requireNonNull(hit.source()).path("card");
            String title = paper.path("title").asText("");
            if (!title.isBlank()) {
                links.add(Query.of(q -> q.matchPhrase(m -> m.field("card.body.citation").query(title))));
            }
            List<FieldValue> ids = new ArrayList<>();
            paper.path("body").path("papers").forEach(ref -> ids.add(FieldValue.of(ref.path("id").asText())));
            if (!ids.isEmpty()) {
                links.add(Query.of(q -> q.terms(t -> t.field("card.body.papers.id").terms(v -> v.value(ids)))));
            }
        }
        return List.copyOf(links);
    }
}
