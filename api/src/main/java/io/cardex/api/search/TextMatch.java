package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cards the words of a search match, and how well: the words in the cards' text, the model
 * cards citing a paper whose page matches them, and model names one typo away.
 */
final class TextMatch {

    /** Where words are looked for, and how much a match there counts. */
    private static final List<String> FIELDS = List.of(
            "card.header.model_name^5", "card.title^4", "card.header.backbone_name^2", "card.header.train_datasets^2",
            "card.header.module_type.detail^2", "card.header.summary", "card.header.author", "card.body.markdown",
            "other_text", "identifier_words^2", "card.chinese.title^2", "card.chinese.summary", "card.chinese.body.markdown",
            "card.paper_page.title^4", "card.paper_page.abstract_text", "card.paper_page.authors",
            "card.paper_page.benchmarks.task^2", "card.paper_page.benchmarks.dataset^2");
    private static final List<String> NAMES = List.of("card.header.model_name", "card.title");
    /** One typo in words of four letters or more, none in shorter ones, where one letter makes another word. */
    private static final String ONE_TYPO = "AUTO:4,100";
    /** Low enough that a card with the words as typed ranks above a name that is one typo away. */
    private static final float TYPO_BOOST = 0.2f;

    private final PaperLinks paperLinks;

    TextMatch(ElasticsearchClient client, CardIndexNames names) {
        this.paperLinks = new PaperLinks(client, names);
    }

    /** The query for the words; every card when there are none. */
    Query query(String text) throws IOException {
        if (text.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(textQuery(text, FIELDS));
        alternatives.addAll(paperLinks.citingModels(text));
        QueryText parts = QueryText.parse(text);
        if (!parts.words().isEmpty()) {
            alternatives.add(nameWithATypo(parts));
        }
        return Query.of(q -> q.bool(b -> {
            b.should(alternatives).minimumShouldMatch("1");
            if (!parts.excluded().isEmpty()) {
                // However a card matches, through a paper it cites or a name like the words, what is excluded stays out.
                b.mustNot(anyOf(String.join(" ", parts.excluded())));
            }
            return b;
        }));
    }

    /** A model name or title holding every plain word, each maybe one typo away, and the card every phrase. */
    private static Query nameWithATypo(QueryText parts) {
        return Query.of(q -> q.bool(b -> {
            b.boost(TYPO_BOOST).must(m -> m.multiMatch(mm -> mm.query(String.join(" ", parts.words())).fields(NAMES)
                    .fuzziness(ONE_TYPO).operator(Operator.And)));
            if (!parts.phrases().isEmpty()) {
                b.filter(textQuery(String.join(" ", parts.phrases()), FIELDS));
            }
            return b;
        }));
    }

    /** Cards holding any of the words or phrases. */
    private static Query anyOf(String text) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(FIELDS).defaultOperator(Operator.Or)
                .flags(SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Whitespace)));
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
}
