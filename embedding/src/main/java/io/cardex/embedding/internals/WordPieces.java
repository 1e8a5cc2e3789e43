package io.cardex.embedding.internals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The model's tokenizer as its artifact ships it: a text becomes word-piece ids between [CLS] and
 * [SEP], cut at the artifact's 128 pieces (its {@code tokenizer.json} says so; some 600 to 700
 * characters of English). Safe to call from several threads.
 */
public final class WordPieces {

    private final HuggingFaceTokenizer tokenizer;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The tokenizer of the {@code tokenizer.json} on the class path at {@code resource}. */
    public static WordPieces load(String resource) {
        try (InputStream json = Resources.open(resource)) {
            // One text at a time, never padded: the model sees only the text's own pieces.
            return new WordPieces(HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + resource, e);
        }
    }

    /** The ids of the text's word pieces, [CLS] first and [SEP] last. */
    public long[] ids(String text) {
        return tokenizer.encode(text).getIds();
    }
}
