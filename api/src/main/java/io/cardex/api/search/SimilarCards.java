package io.cardex.api.search;

import io.cardex.card.CardKey;
import io.cardex.card.ModelKey;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Cards like a given card, by the words they share: what it is, what it was trained on, what it
 * says. The card's own model is left out (its other versions say the same), and each other model
 * comes once, by its card most alike.
 */
public final class SimilarCards {

    static final List<String> FIELDS = List.of(
            "card.title", "card.header.summary", "card.body.markdown", "card.header.train_datasets",
            "card.header.module_type.type", "card.header.module_type.detail", "card.header.backbone_name");

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public SimilarCards(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** The cards most like the one asked for; empty when no card has its key. */
    public Optional<SimilarResult> find(SimilarQuery query) throws IOException {
        // A key without a slash is a repository's own document, no card.
        if (CardKey.isRepositoryKey(query.key())) {
            return Optional.empty();
        }
        // more_like_this finds nothing for an unknown document, which would read as "no similar cards".
        // A get, unlike exists, tells a missing card from a missing index.
        if (!client.get(g -> g.index(names.alias()).id(query.key()).source(c -> c.fetch(false)), Void.class).found()) {
            return Optional.empty();
        }
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).source(ServedFields.CARD_FOUND)
                .query(toElasticsearch(query)).collapse(c -> c.field(ModelFacets.MODEL_FIELD))
                .size(query.size()), CardDocument.class);
        List<CardHit> hits = response.hits().hits().stream().map(hit -> new CardHit(hit.score(), null, hit.source())).toList();
        return Optional.of(new SimilarResult(query.key(), hits));
    }

    private Query toElasticsearch(SimilarQuery query) {
        Query alike = Query.of(q -> q.moreLikeThis(m -> m
                .fields(FIELDS)
                .like(l -> l.document(d -> d.index(names.alias()).id(query.key())))
                // A hub has a few hundred cards, not millions: a word two cards share is worth
                // looking at, and one said once in a card counts. A word only this card has finds nothing.
                .minTermFreq(1)
                .minDocFreq(2)
                .include(false)));
        String ownModel = ModelKey.of(CardKey.parse(query.key())).toString();
        Optional<String> status = query.status().indexedStatus();
        return Query.of(q -> q.bool(b -> {
            b.must(alike).mustNot(m -> m.term(t -> t.field(ModelFacets.MODEL_FIELD).value(ownModel)));
            status.ifPresent(valid -> b.filter(f -> f.term(t -> t.field("status").value(valid))));
            return b;
        }));
    }
}
