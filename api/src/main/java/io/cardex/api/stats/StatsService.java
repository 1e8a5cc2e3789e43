package io.cardex.api.stats;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import io.cardex.api.search.CardsOnly;
import io.cardex.cardindex.AssetStatus;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The numbers of {@code GET /stats}: one search with aggregations, and the indexer's lag from Kafka. */
public final class StatsService {

    /** More repositories than anyone ingests into one index. */
    private static final int MAX_REPOSITORIES = 1000;
    private static final String BY_STATUS = "by_status";
    private static final String BY_ASSET_STATUS = "by_asset_status";
    private static final String REPOSITORIES = "repositories";
    private static final String NEWEST_COMMIT = "newest_commit";
    private static final String LAST_INDEXED = "last_indexed";

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final Optional<ConsumerLag> lag;

    /**
     * @param lag the indexer's lag on the topic; empty when the API runs without Kafka
     */
    public StatsService(ElasticsearchClient client, CardIndexNames names, Optional<ConsumerLag> lag) {
        this.client = client;
        this.names = names;
        this.lag = lag;
    }

    public Stats stats() throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(names.alias()).size(0)
                .query(CardsOnly.all())
                .trackTotalHits(t -> t.enabled(true))
                .aggregations(BY_STATUS, a -> a.terms(t -> t.field("status").size(CardStatus.values().length)))
                .aggregations(BY_ASSET_STATUS, a -> a.terms(t -> t.field("asset_checks.status")
                        .size(AssetStatus.values().length)))
                .aggregations(REPOSITORIES, a -> a.terms(t -> t.field("source.repository").size(MAX_REPOSITORIES))
                        .aggregations(NEWEST_COMMIT, n -> n.topHits(h -> h.size(1)
                                .sort(o -> o.field(f -> f.field("source.commit_time").order(SortOrder.Desc)))
                                .source(c -> c.filter(f -> f.includes("source.repository", "source.branch",
                                        "source.commit", "source.commit_time"))))))
                .aggregations(LAST_INDEXED, a -> a.max(m -> m.field("indexed_at"))), Void.class);
        Map<String, Aggregate> aggregations = response.aggregations();
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        CardCounts cards = new CardCounts(total,
                counts(aggregations.get(BY_STATUS), CardStatus.values()),
                counts(aggregations.get(BY_ASSET_STATUS), AssetStatus.values()));
        List<LastIngested> lastIngested = aggregations.get(REPOSITORIES).sterms().buckets().array().stream()
                .map(StatsService::newestCommit).toList();
        return new Stats(cards, lastIngested, indexingLag(lastIndexedAt(aggregations.get(LAST_INDEXED))),
                skippedFiles());
    }

    /** What ingest skipped in each repository's last commit, as the repository's own document says. */
    private List<SkippedFileCounts> skippedFiles() throws IOException {
        SearchResponse<RepositorySkips> response = client.search(s -> s.index(names.alias()).size(MAX_REPOSITORIES)
                .query(CardsOnly.repositories())
                .sort(o -> o.field(f -> f.field("repository")))
                .source(c -> c.filter(f -> f.includes("repository", "source.commit", "skipped_counts"))),
                RepositorySkips.class);
        return response.hits().hits().stream().map(hit -> Objects.requireNonNull(hit.source()))
                .map(skips -> SkippedFileCounts.of(skips.repository(), skips.source().commit(), skips.skippedCounts()))
                .toList();
    }

    private IndexingLag indexingLag(Instant lastIndexedAt) {
        if (lag.isEmpty()) {
            return IndexingLag.unknown("the API was started without the address of Kafka", lastIndexedAt);
        }
        try {
            return IndexingLag.known(lag.get().events(), lastIndexedAt);
        } catch (LagUnknownException e) {
            return IndexingLag.unknown(e.getMessage(), lastIndexedAt);
        }
    }

    /** Every state, 0 when no card is in it, so that a dashboard always finds its keys. */
    private static Map<String, Long> counts(Aggregate terms, Enum<?>[] states) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Enum<?> state : states) {
            counts.put(state.name().toLowerCase(Locale.ROOT), 0L);
        }
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    private static LastIngested newestCommit(StringTermsBucket repository) {
        JsonData source = Objects.requireNonNull(repository.aggregations().get(NEWEST_COMMIT).topHits().hits().hits()
                .get(0).source());
        return source.to(Sourced.class).source();
    }

    private static Instant lastIndexedAt(Aggregate max) {
        double epochMillis = max.max().value();
        return Double.isFinite(epochMillis) ? Instant.ofEpochMilli((long) epochMillis) : null;
    }

    /** The part of a repository's document that counts its skipped files. */
    private record RepositorySkips(String repository, CommitOnly source, Map<String, Integer> skippedCounts) {
    }

    private record CommitOnly(String commit) {
    }

    /** The part of a card document the newest-commit hit carries. */
    private record Sourced(LastIngested source) {
    }
}
