package io.cardex.card;

import java.util.regex.Pattern;

/**
 * A card's identity across every ingested repository: {@code <repository>/<card id>}, e.g.
 * {@code mshub/mindspore/1.9/refinenet_voc2012}. It is the Kafka record key of the card's change
 * events and the id of its Elasticsearch document.
 */
public record CardKey(String repository, CardId cardId) {

    private static final Pattern REPOSITORY_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public CardKey {
        requireValidRepositoryName(repository);
    }

    /**
     * Whether a record key or document id is no card's: a repository's own ({@code hub}) holds no
     * slash, which a card's key always does.
     */
    public static boolean isRepositoryKey(String key) {
        return key.indexOf('/') < 0;
    }

    /** Reads a key written by {@link #toString()}. */
    public static CardKey parse(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("card key '" + key + "' is not of the form <repository>/<card id>");
        }
        return new CardKey(key.substring(0, slash), new CardId(key.substring(slash + 1)));
    }

    /**
     * Checks a repository name: lower-case letters, digits, '.', '_' and '-', at most 64
     * characters, so that it can stand first in a key and in a URL path.
     */
    public static String requireValidRepositoryName(String name) {
        if (name == null || !REPOSITORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("repository name '" + name
                    + "' must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    @Override
    public String toString() {
        return repository + "/" + cardId;
    }
}
