package io.cardex.api.health;

import java.util.List;

/**
 * What is wrong with the parts of the pipeline that run beside the API in one process
 * ({@code cardex up}, {@code demo}): an indexer that stopped, an ingest that keeps failing. The API
 * is not ready while any is, since it would serve an index that no longer follows the
 * repositories. A standalone API has none: its neighbours have health checks of their own.
 */
@FunctionalInterface
public interface PipelineHealth {

    /** A standalone API: no part of the pipeline runs beside it. */
    PipelineHealth NONE = List::of;

    /** What is wrong now, one sentence a part; empty when every part works. */
    List<String> troubles();
}
