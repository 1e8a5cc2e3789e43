package io.cardex.cardindex;

import java.util.regex.Pattern;

/**
 * The names of the card index: searches and writes go through the alias (e.g. {@code cards});
 * the alias points at one versioned index ({@code cards-v1}, {@code cards-v2}, ...) created from
 * the index template of the same name, so that a reindex can build a new version and swap.
 */
public record CardIndexNames(String alias) {

    public static final String DEFAULT_ALIAS = "cards";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public CardIndexNames {
        if (alias == null || !NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("index name '" + alias
                    + "' must be 1-64 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
    }

    public String templateName() {
        return alias;
    }

    public String indexPattern() {
        return alias + "-v*";
    }

    public String versionedIndex(int version) {
        return alias + "-v" + version;
    }

    /** The version of an index named by {@link #versionedIndex}; 0 for any other name. */
    public int versionOf(String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            return 0;
        }
        try {
            return Integer.parseInt(index.substring(prefix.length()));
        } catch (NumberFormatException notVersioned) {
            return 0;
        }
    }
}
