package io.cardex.indexer.index;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.Set;

/** What Elasticsearch did with one write of a bulk request. */
public sealed interface WriteOutcome {

    int UNAUTHORIZED = 401;
    int FORBIDDEN = 403;
    int CONFLICT = 409;
    int NOT_FOUND = 404;
    int TOO_MANY_REQUESTS = 429;
    int SERVER_ERROR = 500;
    /** Errors of the index as a whole, which pass: someone closed it or blocked writes for a while. */
    Set<String> INDEX_STATES = Set.of("index_closed_exception", "cluster_block_exception");

    /** Stored. */
    record Written() implements WriteOutcome {
    }

    /**
     * Not stored, and rightly so: a newer version of the card is stored already (the change was
     * replayed or came late), or the card to delete is not there.
     */
    record Stale() implements WriteOutcome {
    }

    /** Refused for the document itself (mapping error, too large): writing it again changes nothing. */
    record Refused(String reason) implements WriteOutcome {
    }

    /** Not stored because Elasticsearch was busy or failing: the write must be tried again. */
    record Retry(String reason) implements WriteOutcome {
    }

    /**
     * A deletion of a card that is not there is written (it has no error). A missing index or
     * alias, a closed index and a write block are the index's state, not the document's: the
     * write waits for them to pass rather than being counted done or dead-lettered. So does a
     * write the indexer's user may not make (401, 403 {@code security_exception}): a wrong role or
     * index name is fixed by an operator, and until then no change may drain into the dead-letter
     * topic.
     */
    static WriteOutcome of(BulkResponseItem item) {
        int status = item.status();
        if (item.error() == null && status < SERVER_ERROR) {
            return new Written();
        }
        String type = item.error() == null ? "" : item.error().type();
        String reason = item.error() == null ? "status " + status : type + ": " + item.error().reason();
        if (status == CONFLICT && "version_conflict_engine_exception".equals(type)) {
            return new Stale();
        }
        if (status == TOO_MANY_REQUESTS || status >= SERVER_ERROR || status == NOT_FOUND
                || status == UNAUTHORIZED || status == FORBIDDEN || INDEX_STATES.contains(type)) {
            return new Retry("status " + status + ", " + reason);
        }
        return new Refused(reason);
    }
}
