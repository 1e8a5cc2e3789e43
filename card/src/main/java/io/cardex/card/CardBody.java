package io.cardex.card;

import java.util.List;

/**
 * The Markdown below a card's header.
 *
 * @param citation the text of the citation section, if the card has one
 * @param papers   the papers the citation (or, without one, the body) identifies
 */
public record CardBody(String markdown, List<Section> sections, String citation, List<PaperRef> papers) {

    public CardBody {
        sections = List.copyOf(sections);
        papers = List.copyOf(papers);
    }
}
