package io.cardex.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderTest {

    private static TextEmbedder embedder;

    @BeforeAll
    static void loadTheModelOnce() {
        embedder = new TextEmbedder();
    }

    @Test
    void makesUnitVectorsOfItsDimensions() {
        float[] vector = embedder.embed("segment roads in satellite images");

        assertThat(vector).hasSize(TextEmbedder.DIMENSIONS);
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void aQuestionIsNearerTheCardAnsweringItThanAnotherCard() {
        float[] question = embedder.embed("segment roads in satellite images");
        float[] roads = embedder.embed(CardText.of(Cards.read("1.9", "dlinknet50_deepglobe")).text());
        float[] defects = embedder.embed(CardText.of(Cards.read("1.8", "patchcore_mvtecad_bottle")).text());

        assertThat(cosine(question, roads)).isGreaterThan(cosine(question, defects) + 0.1);
    }

    @Test
    void readsOnlyTheStartOfALongText() {
        String roads = CardText.of(Cards.read("1.9", "dlinknet50_deepglobe")).text();

        float[] withMore = embedder.embed(roads + ". Turns speech into text in Mandarin and English.".repeat(10));

        assertThat(cosine(embedder.embed(roads), withMore)).isGreaterThan(0.9999);
    }

    @Test
    void givesEveryCardOfTheCorpusTheSameVectorInBatchesAsAlone() {
        List<String> texts = Cards.corpus().stream().map(card -> CardText.of(card).text()).toList();

        List<float[]> vectors = embedder.embedAll(texts);

        assertThat(texts).hasSizeGreaterThanOrEqualTo(200);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(vectors.get(i), embedder.embed(texts.get(i)))).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    /** A query is shorter than the pieces the model reads: its vector is the one the artifact's own code makes. */
    @Test
    void aQueryHasTheVectorOfLangchain4jsOwnModel() {
        String query = "detect defects on a factory line";

        float[] expected = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(query).content().vector();

        assertThat(cosine(embedder.embed(query), expected)).isGreaterThan(0.999);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
