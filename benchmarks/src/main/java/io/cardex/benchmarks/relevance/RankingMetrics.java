package io.cardex.benchmarks.relevance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How good one ranking is against the judged grades of its query: recall@k and nDCG@k. A card
 * not judged counts as not relevant (grade 0).
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * The share of the cards of grade 2 (exactly what was asked) found in the first {@code k}, out of
     * as many as the first {@code k} can hold: a query with more such cards than {@code k} scores 1
     * when the first {@code k} are all of them, so that a perfect ranking always scores 1.
     */
    public static double recallAt(int k, List<String> ranked, Map<String, Integer> judged) {
        long wanted = judged.values().stream().filter(grade -> grade == JudgedQuery.EXACT).count();
        if (wanted == 0) {
            throw new IllegalArgumentException("a query without a card of grade " + JudgedQuery.EXACT + " has no recall");
        }
        long found = top(k, ranked).stream().filter(card -> judged.getOrDefault(card, 0) == JudgedQuery.EXACT).count();
        return (double) found / Math.min(k, wanted);
    }

    /**
     * Normalised discounted cumulative gain of the first {@code k}: each card gains
     * {@code 2^grade - 1}, discounted by {@code log2(rank + 1)}, and the sum is divided by that of
     * the best possible order of the judged cards.
     */
    public static double ndcgAt(int k, List<String> ranked, Map<String, Integer> judged) {
        List<Integer> ideal = judged.values().stream().filter(grade -> grade > 0)
                .sorted(Comparator.reverseOrder()).toList();
        double best = dcg(top(k, ideal));
        if (best == 0) {
            throw new IllegalArgumentException("a query without a relevant card has no nDCG");
        }
        return dcg(top(k, ranked).stream().map(card -> judged.getOrDefault(card, 0)).toList()) / best;
    }

    private static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < grades.size(); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    private static <T> List<T> top(int k, List<T> ranked) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }
}
