package io.cardex.embedding;

import io.cardex.embedding.internals.SentenceEncoder;
import io.cardex.embedding.internals.WordPieces;
import java.util.List;

/**
 * Turns text into a vector of its meaning, in-process on the CPU: all-MiniLM-L6-v2, quantized to
 * 8 bits, as langchain4j's Maven artifact ships it (model and tokenizer inside the jar), so nothing
 * is downloaded at run time. The model reads the first {@link #PIECES} word pieces of a text. The
 * model is loaded once per process (a few seconds, some 100 MB), by the first embedder made; every
 * embedder shares it, and is safe to call from several threads.
 *
 * <p>The model was trained on English sentences: text in other languages gets a vector, but not one
 * that means much ({@link QueryLanguage} keeps such queries to words).
 */
public final class TextEmbedder {

    /**
     * The word pieces the model reads of a text, [CLS] and [SEP] included: some 270 characters of
     * English, what a card says first of what it is for (its title, summary and module type). The
     * cost grows with them: 48 pieces cost some 0.4 of the CPU of the artifact's 128, so that two
     * cores embed more than 300 cards/s, and found as much on questions as 64 pieces, a little less
     * than 128 (docs/BENCHMARKS.md, "Embedding speed"). A query is far shorter.
     */
    public static final int PIECES = 48;
    /**
     * The model and how much of a text it reads, part of every {@link CardText#fingerprint()}:
     * another model, or another cut, makes other vectors.
     */
    public static final String MODEL = "all-minilm-l6-v2-q, " + PIECES + " pieces";
    /** The length of every vector. */
    public static final int DIMENSIONS = 384;
    /** The files inside langchain4j's artifact of the model. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";

    /** Loaded on first use, once. */
    private static final class Model {
        static final WordPieces WORD_PIECES = WordPieces.load(TOKENIZER_RESOURCE, PIECES);
        static final SentenceEncoder ENCODER = SentenceEncoder.load(MODEL_RESOURCE, DIMENSIONS);
    }

    private final WordPieces wordPieces;
    private final SentenceEncoder encoder;

    /** Loads the model, or shares the one already loaded. */
    public TextEmbedder() {
        this.wordPieces = Model.WORD_PIECES;
        this.encoder = Model.ENCODER;
    }

    /** The vector of the text, of length {@link #DIMENSIONS} and unit norm, computed on the calling thread. */
    public float[] embed(String text) {
        return encoder.vector(wordPieces.ids(text));
    }

    /**
     * The vectors of the texts, in their order, computed one text per core at a time (on the
     * fork-join pool it is called from, else the common pool): about twice as fast as one by one on
     * two cores.
     */
    public List<float[]> embedAll(List<String> texts) {
        return texts.parallelStream().map(this::embed).toList();
    }
}
