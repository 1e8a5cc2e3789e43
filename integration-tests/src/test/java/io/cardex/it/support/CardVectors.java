package io.cardex.it.support;

import static org.awaitility.Awaitility.await;

import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import io.cardex.cardindex.ElasticsearchConnection;
import java.time.Duration;

/**
 * Waits until every card of an index has its vector: the meaning stage writes it a few seconds
 * after the words, and until then a hybrid search answers by the words alone. A test of what a
 * search by meaning answers waits for this, so that its answer does not depend on the timing.
 */
public final class CardVectors {

    private CardVectors() {
    }

    /** Waits, up to a minute, until the index holds this many cards with a vector. */
    public static void awaitEvery(CardIndexNames index, int cards) {
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(TestStack.get().elasticsearchUrl())) {
            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    elasticsearch.client().count(c -> c.index(index.alias())
                            .query(q -> q.exists(e -> e.field(CardMeaning.VECTOR_FIELD)))).count() >= cards);
        }
    }
}
