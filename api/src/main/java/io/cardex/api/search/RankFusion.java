package io.cardex.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: each item scores {@code 1 / (k + rank)} in each ranking it is in, summed.
 * Ranks, not scores, are fused, so that the words' scores (unbounded) and the vectors' (cosines)
 * need no common scale; an item high in both rankings beats one first in only one.
 */
final class RankFusion {

    /** The constant of the method's paper and of Elasticsearch's rrf retriever. */
    static final int RANK_CONSTANT = 60;

    private RankFusion() {
    }

    /** Each item of the rankings (best first) with its fused score, in the order first met. */
    static Map<String, Double> fuse(List<List<String>> rankings) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                scores.merge(ranking.get(rank - 1), 1.0 / (RANK_CONSTANT + rank), Double::sum);
            }
        }
        return scores;
    }
}
