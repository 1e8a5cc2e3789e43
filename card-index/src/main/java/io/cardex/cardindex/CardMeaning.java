package io.cardex.cardindex;

import java.util.Arrays;

/**
 * The vector of what a card says it is for, searched by kNN ({@code meaning.vector}), and the
 * fingerprint of the text it was made from ({@code meaning.fingerprint}): a card whose text did not
 * change keeps its vector, and a reindex finds it by that key instead of computing it again.
 */
public record CardMeaning(String fingerprint, float[] vector) {

    /** The field searched by kNN. */
    public static final String VECTOR_FIELD = "meaning.vector";
    public static final String FINGERPRINT_FIELD = "meaning.fingerprint";

    public CardMeaning {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardMeaning that && fingerprint.equals(that.fingerprint) && Arrays.equals(vector, that.vector);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode() * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "CardMeaning[" + fingerprint + ", " + vector.length + " dimensions]";
    }
}
