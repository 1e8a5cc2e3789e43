package io.cardex.benchmarks.relevance;

import java.util.List;

/** How one search mode answered one judged query. */
public record QueryScore(JudgedQuery query, List<String> ranked, double recallAt5, double ndcgAt10) {

    /** The cards asked for: enough for nDCG@10. */
    public static final int DEPTH = 10;

    public QueryScore {
        ranked = List.copyOf(ranked);
    }

    public static QueryScore of(JudgedQuery query, List<String> ranked) {
        return new QueryScore(query, ranked, RankingMetrics.recallAt(5, ranked, query.judged()),
                RankingMetrics.ndcgAt(DEPTH, ranked, query.judged()));
    }

    /** Mean recall@5 of some queries' scores. */
    public static double meanRecallAt5(List<QueryScore> scores) {
        return scores.stream().mapToDouble(QueryScore::recallAt5).average().orElseThrow();
    }

    /** Mean nDCG@10 of some queries' scores. */
    public static double meanNdcgAt10(List<QueryScore> scores) {
        return scores.stream().mapToDouble(QueryScore::ndcgAt10).average().orElseThrow();
    }
}
