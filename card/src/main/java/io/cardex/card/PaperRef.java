package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A paper a card cites, by a normalised identifier: an arXiv id without its version
 * ({@code 1611.06612}) or a lower-case DOI ({@code 10.1109/cvpr.2018.00442}).
 */
public record PaperRef(Scheme scheme, String id) {

    public enum Scheme {
        @JsonProperty("arxiv") ARXIV,
        @JsonProperty("doi") DOI
    }

    /** Where the paper can be read. */
    public String url() {
        return scheme == Scheme.ARXIV ? "https://arxiv.org/abs/" + id : "https://doi.org/" + id;
    }
}
