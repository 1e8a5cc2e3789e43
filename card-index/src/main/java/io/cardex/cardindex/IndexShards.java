package io.cardex.cardindex;

/**
 * How an index version is split: primary shards spread the cards over the nodes of a cluster (fixed
 * once the index exists), replicas copy each shard to another node (0 on a single node).
 */
public record IndexShards(int primaries, int replicas) {

    /** What the index template gives: one shard, no replica, right for a single node. */
    public static final int TEMPLATE_PRIMARIES = 1;
    public static final int TEMPLATE_REPLICAS = 0;
    public static final IndexShards TEMPLATE_DEFAULT = new IndexShards(TEMPLATE_PRIMARIES, TEMPLATE_REPLICAS);
    /** Elasticsearch's own limit. */
    public static final int MAX_PRIMARIES = 1024;

    public IndexShards {
        if (primaries < 1 || primaries > MAX_PRIMARIES) {
            throw new IllegalArgumentException("an index has 1 to " + MAX_PRIMARIES + " primary shards, not " + primaries);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("the number of replicas cannot be negative: " + replicas);
        }
    }
}
