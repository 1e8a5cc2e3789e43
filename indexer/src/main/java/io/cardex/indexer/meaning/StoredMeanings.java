package io.cardex.indexer.meaning;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import io.cardex.cardindex.RepositoryDocument;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card index as the meaning stage sees it: the cards as stored, the vectors already made for a
 * text (in any version of the index, so that a reindex reuses those of the version before), the
 * cards still without one, and the write of a vector into its card.
 */
final class StoredMeanings {

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final CardIndex writer;

    StoredMeanings(ElasticsearchClient client, CardIndexNames names, CardIndex writer) {
        this.client = client;
        this.names = names;
        this.writer = writer;
    }

    /** A card as stored, at the version stored. */
    record Stored(long version, CardDocument document) {
    }

    /** The cards of these ids as stored now; a card not found is left out. */
    Map<String, Stored> stored(List<String> ids) throws IOException {
        MgetResponse<CardDocument> response = client.mget(m -> m.index(names.alias()).ids(ids).realtime(true),
                CardDocument.class);
        Map<String, Stored> found = new HashMap<>();
        for (MultiGetResponseItem<CardDocument> item : response.docs()) {
            if (item.isResult()) {
                GetResult<CardDocument> result = item.result();
                if (result.found() && result.source() != null && result.version() != null) {
                    found.put(result.id(), new Stored(result.version(), result.source()));
                }
            }
        }
        return found;
    }

    /** What of a stored document the reuse of its vector reads. */
    private record MeaningOnly(CardMeaning meaning) {
    }

    /** The vectors stored for these fingerprints, in any version of the card index. */
    Map<String, CardMeaning> reusable(Collection<String> fingerprints) throws IOException {
        if (fingerprints.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> values = fingerprints.stream().map(FieldValue::of).toList();
        SearchResponse<MeaningOnly> response = client.search(s -> s.index(names.indexPattern())
                .size(fingerprints.size()).source(src -> src.filter(f -> f.includes("meaning")))
                .query(q -> q.terms(t -> t.field(CardMeaning.FINGERPRINT_FIELD).terms(v -> v.value(values))))
                .collapse(c -> c.field(CardMeaning.FINGERPRINT_FIELD)), MeaningOnly.class);
        Map<String, CardMeaning> found = new HashMap<>();
        for (Hit<MeaningOnly> hit : response.hits().hits()) {
            Optional.ofNullable(hit.source()).map(MeaningOnly::meaning)
                    .ifPresent(meaning -> found.put(meaning.fingerprint(), meaning));
        }
        return found;
    }

    /** Up to {@code limit} cards without a vector, as stored. */
    List<IndexAction.Put> lacking(int limit) throws IOException {
        client.indices().refresh(r -> r.index(names.alias()));
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).size(limit).version(true)
                .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(CardMeaning.FINGERPRINT_FIELD)))
                        .mustNot(m -> m.term(t -> t.field(RepositoryDocument.KIND_FIELD).value(RepositoryDocument.KIND))))),
                CardDocument.class);
        List<IndexAction.Put> cards = new ArrayList<>();
        for (Hit<CardDocument> hit : response.hits().hits()) {
            cards.add(new IndexAction.Put(hit.id(), hit.version(), hit.source()));
        }
        return cards;
    }

    /**
     * Writes each card again with its vector, through {@link CardIndex#addMeanings}: one card
     * index's write-backs (these, and the checks of assets) take turns, so neither undoes the other.
     *
     * @return how many were written
     */
    int write(Map<String, Long> versions, Map<String, CardMeaning> meanings) throws IOException {
        return writer.addMeanings(versions, meanings);
    }
}
