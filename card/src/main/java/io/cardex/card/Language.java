package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The language of a card file. A hub keeps the Chinese version of {@code <name>.md} beside it as
 * {@code <name>_cn.md}; both belong to one card.
 */
public enum Language {
    @JsonProperty("en") EN(".md"),
    @JsonProperty("zh") ZH("_cn.md");

    private final String suffix;

    Language(String suffix) {
        this.suffix = suffix;
    }

    /** How a file of this language ends, e.g. {@code _cn.md}. */
    public String suffix() {
        return suffix;
    }

    /** The language of a card file, judged by its name. */
    public static Language ofPath(String path) {
        return path.endsWith(ZH.suffix) ? ZH : EN;
    }
}
