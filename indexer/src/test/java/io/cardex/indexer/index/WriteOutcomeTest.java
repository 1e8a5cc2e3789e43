package io.cardex.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import org.junit.jupiter.api.Test;

class WriteOutcomeTest {

    @Test
    void aStoredCardAndTheDeletionOfACardNotThereAreWritten() {
        assertThat(WriteOutcome.of(item(201, null))).isInstanceOf(WriteOutcome.Written.class);
        assertThat(WriteOutcome.of(item(404, null))).isInstanceOf(WriteOutcome.Written.class);
    }

    @Test
    void aVersionConflictMeansANewerChangeIsStored() {
        assertThat(WriteOutcome.of(item(409, "version_conflict_engine_exception"))).isInstanceOf(WriteOutcome.Stale.class);
    }

    @Test
    void aMissingOrBlockedIndexOrABusyServerIsTriedAgainNeverCountedDone() {
        assertThat(WriteOutcome.of(item(404, "index_not_found_exception"))).isInstanceOf(WriteOutcome.Retry.class);
        assertThat(WriteOutcome.of(item(403, "cluster_block_exception"))).isInstanceOf(WriteOutcome.Retry.class);
        assertThat(WriteOutcome.of(item(400, "index_closed_exception"))).isInstanceOf(WriteOutcome.Retry.class);
        assertThat(WriteOutcome.of(item(429, "es_rejected_execution_exception"))).isInstanceOf(WriteOutcome.Retry.class);
        assertThat(WriteOutcome.of(item(503, "unavailable_shards_exception"))).isInstanceOf(WriteOutcome.Retry.class);
    }

    @Test
    void aWriteTheIndexersUserMayNotMakeIsTriedAgainNeverDeadLettered() {
        assertThat(WriteOutcome.of(item(403, "security_exception"))).isInstanceOf(WriteOutcome.Retry.class);
        assertThat(WriteOutcome.of(item(401, "security_exception"))).isInstanceOf(WriteOutcome.Retry.class);
    }

    @Test
    void aDocumentElasticsearchCannotTakeIsRefusedWithTheReason() {
        assertThat(WriteOutcome.of(item(400, "document_parsing_exception")))
                .isEqualTo(new WriteOutcome.Refused("document_parsing_exception: what went wrong"));
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(i -> {
            i.operationType(OperationType.Index).index("cards-v1").id("hub/a/1/b").status(status);
            if (errorType != null) {
                i.error(ErrorCause.of(e -> e.type(errorType).reason("what went wrong")));
            }
            return i;
        });
    }
}
