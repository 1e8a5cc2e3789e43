package io.cardex.api.search;

import io.cardex.card.CardKey;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.Optional;

/** One whole card by its key, {@code <repository>/<card id>}. */
public final class CardLookup {

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public CardLookup(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** The card of a key; empty when there is none, or the key is a repository's own (no slash). */
    public Optional<CardDocument> find(String key) throws IOException {
        if (CardKey.isRepositoryKey(key)) {
            return Optional.empty();
        }
        GetResponse<CardDocument> response = client.get(g -> g.index(names.alias()).id(key)
                .sourceExcludes(ServedFields.SEARCH_ONLY), CardDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }
}
