package io.cardex.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardRevisionTest {

    private static final String CARD = """
            # ResNet50

            ---

            model-name: ResNet50

            summary: ResNet50 classifies images

            author: MindSpore team

            ---

            ## Introduction

            The summary: of the model is above.
            """;

    @Test
    void theNoteClosesTheSummaryLineInBracketsAndNothingElseChanges() {
        String revised = CardRevision.revise(CARD, "revised in commit 7");

        assertThat(revised).isEqualTo(CARD.replace("summary: ResNet50 classifies images",
                "summary: ResNet50 classifies images (revised in commit 7)"));
    }

    @Test
    void aCardWithoutSummaryGetsTheNoteAsAClosingSentence() {
        String withoutSummary = CARD.replace("summary: ResNet50 classifies images\n\n", "");

        assertThat(CardRevision.revise(withoutSummary, "revised in push fresh00042"))
                .isEqualTo(withoutSummary + "\nRevised in push fresh00042.\n");
    }

    @Test
    void revisionsAddUpSoEveryNoteStaysInTheSummary() {
        String twice = CardRevision.revise(CardRevision.revise(CARD, "revised in commit 1"), "revised in commit 2");

        assertThat(twice).contains("summary: ResNet50 classifies images (revised in commit 1) (revised in commit 2)\n");
    }
}
