package io.cardex.indexer.index;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/** What Elasticsearch did with one write of a bulk request. */
public sealed interface WriteOutcome {

    int CONFLICT = 409;
    int NOT_FOUND = 404;
    int TOO_MANY_REQUESTS = 429;
    int SERVER_ERROR = 500;

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

    static WriteOutcome of(BulkResponseItem item) {
        int status = item.status();
        String reason = item.error() == null ? "status " + status
                : item.error().type() + ": " + item.error().reason();
        if (status == TOO_MANY_REQUESTS || status >= SERVER_ERROR) {
            return new Retry("status " + status + ", " + reason);
        }
        if (item.error() == null) {
            return new Written();
        }
        if (status == CONFLICT || status == NOT_FOUND) {
            return new Stale();
        }
        return new Refused(reason);
    }
}
