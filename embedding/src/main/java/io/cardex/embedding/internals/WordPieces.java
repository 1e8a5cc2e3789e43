package io.cardex.embedding.internals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The model's tokenizer as its artifact ships it: a text becomes word-piece ids between [CLS] and
 * [SEP], cut at a number of pieces chosen by the caller ([CLS] and [SEP] included; the artifact's
 * own {@code tokenizer.json} cuts at 128). Safe to call from several threads.
 */
public final class WordPieces {

    private final HuggingFaceTokenizer tokenizer;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The tokenizer of the {@code tokenizer.json} on the class path at {@code resource}, keeping {@code maxPieces}. */
    public static WordPieces load(String resource, int maxPieces) {
        try (InputStream json = Resources.open(resource)) {
            // One text at a time, never padded: the model sees only the text's own pieces.
            return new WordPieces(HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false",
                    "truncation", "true", "maxLength", Integer.toString(maxPieces))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + resource, e);
        }
    }

    /** The ids of the text's first word pieces, [CLS] first and [SEP] last. */
    public long[] ids(String text) {
        return tokenizer.encode(text).getIds();
    }
}
