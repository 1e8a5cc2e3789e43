package io.cardex.benchmarks.index;

import io.cardex.benchmarks.TranslatedTopic;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.BulkSettings;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.index.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline the indexer is compared with: the documents it would write for a topic of change
 * events, built once by its own {@link RecordTranslator}, then sent straight to {@code _bulk} with
 * {@link CardIndex#write} (the same operations and external versions), in requests as large and as
 * many at once as the indexer's. What is left to compare is the pipeline itself.
 */
public final class PlainBulkLoad {

    private static final BulkSettings BULK = BulkSettings.DEFAULT;

    private final List<IndexAction> documents;

    private PlainBulkLoad(List<IndexAction> documents) {
        this.documents = documents;
    }

    /**
     * Reads the topic from its start, untimed, until it has the documents of {@code cards} cards. The
     * repository's record of its skipped files, which ingest publishes after its cards, is left out:
     * it is no card, and counted with them it made the read end one card short, or one record over.
     */
    public static PlainBulkLoad read(String bootstrapServers, String topic, int cards) throws UnreadableEventException {
        return new PlainBulkLoad(TranslatedTopic.read(bootstrapServers, topic, action -> action instanceof IndexAction.Put,
                        cards).stream()
                .map(TranslatedTopic.TranslatedRecord::action).toList());
    }

    public int size() {
        return documents.size();
    }

    /**
     * Starts sending every document to the index and returns at once; completes when
     * Elasticsearch has answered every request, exceptionally when it refused a document.
     */
    public CompletableFuture<Void> sendTo(CardIndex index) {
        ExecutorService senders = Executors.newFixedThreadPool(BULK.maxConcurrentRequests());
        List<CompletableFuture<List<Rejection>>> requests = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += BULK.maxOperations()) {
            List<IndexAction> batch = documents.subList(from, Math.min(documents.size(), from + BULK.maxOperations()));
            requests.add(CompletableFuture.supplyAsync(() -> write(index, batch), senders));
        }
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> senders.shutdown())
                .thenRun(() -> {
                    if (requests.stream().anyMatch(request -> !request.join().isEmpty())) {
                        throw new IllegalStateException("Elasticsearch refused documents of the plain load");
                    }
                });
    }

    private static List<Rejection> write(CardIndex index, List<IndexAction> batch) {
        try {
            return index.write(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
