package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.cardex.card.ModelKey;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.Optional;

/** The versions of one model by its key, for {@code GET /models/{repository}/{user-id}/{name}}. */
public final class ModelLookup {

    /** Far more versions than a hub publishes of one model. */
    static final int MAX_VERSIONS = 1_000;

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public ModelLookup(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** The model's versions, newest first; empty when no card is a version of it. */
    public Optional<ModelVersions> find(ModelKey model) throws IOException {
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).source(ServedFields.CARD_FOUND)
                .query(q -> q.term(t -> t.field(ModelFacets.MODEL_FIELD).value(model.toString())))
                .sort(ModelGrouping.NEWEST_FIRST).size(MAX_VERSIONS).trackTotalHits(t -> t.enabled(true)), CardDocument.class);
        if (response.hits().hits().isEmpty()) {
            return Optional.empty();
        }
        long count = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        return Optional.of(new ModelVersions(model.toString(), count,
                response.hits().hits().stream().map(hit -> ModelVersion.of(hit.source())).toList()));
    }
}
