package io.cardex.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.BackoffPolicy;
import io.cardex.indexer.BulkSettings;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Writes cards to the card index, and finds those whose asset checks are due. */
public final class CardIndex {

    /** Pauses of 100 ms, 200 ms, ... 3.2 s before giving a write Elasticsearch was too busy for back to the caller. */
    private static final long BUSY_FIRST_PAUSE_MILLIS = 100;
    private static final int BUSY_RETRIES = 6;

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    /** Where writes go: the alias, or one index version while a reindex builds it. */
    private final String target;

    public CardIndex(ElasticsearchClient client, CardIndexNames names) {
        this(client, names, names.alias());
    }

    private CardIndex(ElasticsearchClient client, CardIndexNames names, String target) {
        this.client = client;
        this.names = names;
        this.target = target;
    }

    private boolean writesThroughAlias() {
        return target.equals(names.alias());
    }

    /** The same card index, writing to one index version instead of the alias. */
    public CardIndex writingTo(String index) {
        return new CardIndex(client, names, index);
    }

    /**
     * A bulk writer of this index: writes are sent in requests of up to
     * {@link BulkSettings#maxOperations()} writes or {@link BulkSettings#maxBytes()} bytes, or
     * after {@link BulkSettings#flushInterval()}; the listener hears what became of each. A write
     * Elasticsearch is too busy for (429) is tried again a few times after a growing pause.
     */
    public <C> BulkIngester<C> bulkWriter(BulkSettings settings, BulkListener<C> listener) {
        return BulkIngester.of(b -> b.client(client)
                .maxOperations(settings.maxOperations())
                .maxSize(settings.maxBytes())
                .maxConcurrentRequests(settings.maxConcurrentRequests())
                .flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .backoffPolicy(BackoffPolicy.exponentialBackoff(BUSY_FIRST_PAUSE_MILLIS, BUSY_RETRIES))
                // Through the alias, never let Elasticsearch create a plain index of the alias's name.
                .globalSettings(g -> g.index(target).requireAlias(writesThroughAlias()))
                .listener(listener));
    }

    /** The bulk operation of one write: its external version keeps an older change from replacing a newer one. */
    public static BulkOperation operationFor(IndexAction action) {
        if (action instanceof IndexAction.Put put) {
            return BulkOperation.of(op -> op.index(i -> i.id(put.id()).version(put.version())
                    .versionType(VersionType.External).document(put.document())));
        }
        if (action instanceof IndexAction.PutRepository put) {
            return BulkOperation.of(op -> op.index(i -> i.id(put.id()).version(put.version())
                    .versionType(VersionType.External).document(put.document())));
        }
        return BulkOperation.of(op -> op.delete(d -> d.id(action.id()).version(action.version())
                .versionType(VersionType.External)));
    }

    /**
     * Writes the actions in order in one bulk request and waits for the answer.
     *
     * @return the writes refused for the document alone; a version conflict is not one of them,
     *         it means a newer version of the card is already stored
     * @throws IOException when Elasticsearch could not be reached or was too busy for some of
     *                     the writes; the whole batch must be written again (writes are idempotent)
     */
    public List<Rejection> write(List<IndexAction> actions) throws IOException {
        if (actions.isEmpty()) {
            return List.of();
        }
        BulkResponse response = client.bulk(b -> b.index(target).requireAlias(writesThroughAlias())
                .operations(actions.stream().map(CardIndex::operationFor).toList()));
        List<Rejection> rejections = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            WriteOutcome outcome = WriteOutcome.of(items.get(i));
            if (outcome instanceof WriteOutcome.Retry retry) {
                throw new IOException("Elasticsearch could not take every write now (" + retry.reason() + ")");
            }
            if (outcome instanceof WriteOutcome.Refused refused) {
                rejections.add(new Rejection(actions.get(i), refused.reason()));
            }
        }
        return rejections;
    }

    /**
     * Writes the document again if this very version of the card is what is stored: the same
     * external version is accepted ({@code external_gte}), a higher one wins.
     *
     * @return whether it was written; {@code false} when a newer change of the card is stored or
     *         the card was deleted
     */
    public synchronized boolean replaceChecked(String id, long version, CardDocument document) throws IOException {
        // Synchronized with addMeanings: each reads the stored card and writes it again, and must not undo the other.
        // A write with an external version creates a deleted card again once Elasticsearch has
        // forgotten the deletion (60 s): look first. Should the card be deleted between the look
        // and the write, the deletion is remembered then, and its higher version refuses the write.
        GetResponse<MeaningOnly> stored = client.get(g -> g.index(target).id(id).realtime(true)
                .sourceIncludes("meaning"), MeaningOnly.class);
        if (!stored.found() || stored.version() == null || stored.version() != version) {
            return false;
        }
        // The vector the meaning stage wrote to this version meanwhile stays: it is of the same text.
        CardDocument withMeaning = stored.source() == null ? document : document.withMeaning(stored.source().meaning());
        try {
            client.index(i -> i.index(target).id(id).version(version).versionType(VersionType.ExternalGte)
                    .requireAlias(writesThroughAlias()).document(withMeaning));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == WriteOutcome.CONFLICT) {
                return false;
            }
            throw new IOException("Elasticsearch refused the asset checks of " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes each card again with the vector of its meaning, if this very version of it is what is
     * stored ({@code external_gte}, as {@link #replaceChecked}): a newer change of the card written
     * meanwhile is never replaced, and gets its own vector. The stored card is read just before, so
     * that its asset checks stay as they are.
     *
     * @param versions the version of each card the vector was made for, by id
     * @return how many cards were written
     */
    public synchronized int addMeanings(Map<String, Long> versions, Map<String, CardMeaning> meanings) throws IOException {
        if (meanings.isEmpty()) {
            return 0;
        }
        MgetResponse<CardDocument> stored = client.mget(m -> m.index(target).ids(List.copyOf(meanings.keySet()))
                .realtime(true), CardDocument.class);
        List<BulkOperation> operations = new ArrayList<>();
        for (MultiGetResponseItem<CardDocument> item : stored.docs()) {
            if (!item.isResult() || !item.result().found() || item.result().source() == null) {
                continue;
            }
            GetResult<CardDocument> card = item.result();
            Long version = card.version();
            if (version != null && version.equals(versions.get(card.id()))) {
                CardDocument withMeaning = card.source().withMeaning(meanings.get(card.id()));
                operations.add(BulkOperation.of(op -> op.index(i -> i.id(card.id()).version(version)
                        .versionType(VersionType.ExternalGte).document(withMeaning))));
            }
        }
        if (operations.isEmpty()) {
            return 0;
        }
        BulkResponse response = client.bulk(b -> b.index(target).requireAlias(writesThroughAlias()).operations(operations));
        // A conflict is a newer change of the card, written meanwhile.
        return (int) response.items().stream().filter(item -> item.error() == null).count();
    }

    /** What of a stored card a write-back of its asset checks keeps. */
    private record MeaningOnly(CardMeaning meaning) {
    }

    /** Makes every card written so far searchable now, rather than at the index's next periodic refresh. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(target));
    }

    /**
     * The cards, with their versions, whose asset checks are due: an asset still {@code pending}
     * (its check was cut off by a restart), {@code unchecked} (written while verification was
     * off) or checked before {@code checkedBefore}; at most
     * {@code limit} of them, oldest checks first, leaving out the cards of {@code except} (those
     * whose checks are under way).
     */
    public List<IndexAction.Put> dueForAssetChecks(Instant checkedBefore, int limit, Set<String> except)
            throws IOException {
        // A sweep is not frequent; refreshing first lets it see every card written so far.
        refresh();
        SearchResponse<CardDocument> response = client.search(s -> s.index(target).size(limit).version(true)
                .query(q -> q.bool(b -> b.minimumShouldMatch("1")
                        .should(sh -> sh.terms(t -> t.field("asset_checks.status").terms(v -> v.value(List.of(
                                FieldValue.of("pending"), FieldValue.of("unchecked"))))))
                        .should(sh -> sh.range(r -> r.untyped(u -> u.field("asset_checks.checked_at")
                                .lt(JsonData.of(checkedBefore.toString())))))
                        .mustNot(m -> m.ids(i -> i.values(List.copyOf(except))))))
                .sort(o -> o.field(f -> f.field("asset_checks.checked_at").order(SortOrder.Asc)
                        .missing("_first").unmappedType(FieldType.Date))), CardDocument.class);
        List<IndexAction.Put> due = new ArrayList<>();
        for (Hit<CardDocument> hit : response.hits().hits()) {
            due.add(new IndexAction.Put(hit.id(), hit.version(), hit.source()));
        }
        return due;
    }
}
