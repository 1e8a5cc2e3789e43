package io.cardex.benchmarks.relevance;

import java.util.Map;
import java.util.Objects;

/**
 * One query of the judged set and the grades of its cards, by card id ({@code mindspore/1.9/unet_isbi}):
 * {@value #EXACT} for exactly what was asked, {@value #RELATED} for a related card; a card not
 * listed is not relevant.
 */
public record JudgedQuery(String query, Kind kind, Map<String, Integer> judged) {

    public static final int EXACT = 2;
    public static final int RELATED = 1;

    /** The two halves of the set, scored apart: people ask differently from how they name a model. */
    public enum Kind {
        /** A need in plain words: "segment roads in satellite images". */
        QUESTION,
        /** A model name, a dataset or another keyword: "resnet50", "coco2017". */
        NAME
    }

    public JudgedQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(kind, () -> "query '" + query + "' has no kind: give kind: question or kind: name");
        judged = Map.copyOf(Objects.requireNonNull(judged, () -> "query '" + query + "' judges no card"));
        judged.forEach((card, grade) -> {
            if (grade != EXACT && grade != RELATED) {
                throw new IllegalArgumentException("query '" + query + "' grades " + card + " " + grade
                        + ": a grade is " + EXACT + " (exactly what was asked) or " + RELATED + " (related)");
            }
        });
        if (!judged.containsValue(EXACT)) {
            throw new IllegalArgumentException("query '" + query + "' has no card of grade " + EXACT
                    + ": give it at least the card that answers it");
        }
    }
}
