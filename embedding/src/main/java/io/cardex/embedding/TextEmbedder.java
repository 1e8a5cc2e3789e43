package io.cardex.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Turns text into a vector of its meaning, in-process on the CPU: all-MiniLM-L6-v2, quantized to
 * 8 bits, as its Maven artifact ships it (model and tokenizer inside the jar), so nothing is
 * downloaded at run time. Loading takes a few seconds and some 100 MB: make one per process and
 * share it; it is safe to call from several threads.
 *
 * <p>The model was trained on English sentences: text in other languages gets a vector, but not one
 * that means much ({@link QueryLanguage} keeps such queries to words).
 */
public final class TextEmbedder {

    /** The model's name, part of every {@link CardText#fingerprint()}: another model makes other vectors. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    /** The length of every vector. */
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    /** Loads the model. */
    public TextEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The vector of the text, of length {@link #DIMENSIONS} and unit norm. */
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /**
     * The vectors of the texts, in their order. The model spreads them over every core, so a batch
     * is embedded about twice as fast as the same texts one by one on this project's two-core machine.
     */
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}
