package io.cardex.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cardex.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of the questions asked, kept for the questions asked most: the next page of a
 * search, or the same question again, costs no embedding.
 */
public final class QueryVectors {

    private static final int KEPT = 2_000;

    private final TextEmbedder embedder;
    private final Cache<String, List<Float>> vectors = Caffeine.newBuilder().maximumSize(KEPT).build();

    public QueryVectors(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The vector of the text, as Elasticsearch's kNN query takes it. */
    List<Float> of(String text) {
        return vectors.get(text, this::embed);
    }

    private List<Float> embed(String text) {
        return knnVector(embedder.embed(text));
    }

    /** A vector as Elasticsearch's kNN query takes it. */
    static List<Float> knnVector(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return List.copyOf(values);
    }
}
