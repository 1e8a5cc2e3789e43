package io.cardex.benchmarks.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgedSetTest {

    /** The checkout's corpus: Maven runs the tests in the module's folder. */
    private static final RelevanceCorpus CORPUS = RelevanceCorpus.in(Path.of("..").toAbsolutePath().normalize());

    @Test
    void theCorpusHoldsAtLeast200CardsAndEveryJudgedCardIsOneOfThem() throws Exception {
        assertThat(CORPUS.cardIds()).hasSizeGreaterThanOrEqualTo(200).contains("mindspore/1.7/dlinknet_deepglobe",
                "mindspore/ascend/1.0/resnet50_imagenet2012");

        JudgedSet set = CORPUS.judgedSet();

        assertThat(set.queries()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(set.of(JudgedQuery.Kind.QUESTION)).hasSize(set.of(JudgedQuery.Kind.NAME).size());
        assertThat(set.queries()).extracting(JudgedQuery::query).doesNotHaveDuplicates();
    }

    @Test
    void aJudgedCardMissingFromTheCorpusIsNamed() {
        JudgedSet set = new JudgedSet(List.of(new JudgedQuery("unet", JudgedQuery.Kind.NAME,
                Map.of("mindspore/1.7/unet_isbi", 2, "mindspore/9.9/unet_gone", 1))));

        assertThatThrownBy(() -> set.requireCardsOf(Set.of("mindspore/1.7/unet_isbi")))
                .hasMessageContaining("'unet' judges mindspore/9.9/unet_gone");
    }

    @Test
    void aGradeIsTwoOrOneAndEveryQueryHasAnExactCard() {
        assertThatThrownBy(() -> new JudgedQuery("unet", JudgedQuery.Kind.NAME, Map.of("a", 3)))
                .hasMessageContaining("grades a 3");
        assertThatThrownBy(() -> new JudgedQuery("unet", JudgedQuery.Kind.NAME, Map.of("a", 1)))
                .hasMessageContaining("has no card of grade 2");
    }
}
