package io.cardex.card.event;

import io.cardex.card.Card;
import io.cardex.card.CardKind;
import io.cardex.card.PaperPage;
import io.cardex.card.internals.PaperPageReader;

/**
 * What a change event of schema 4 leaves out of a card because the card's text says it, and how a
 * reader gets it back: a paper page's title, abstract, authors and benchmarks are read from its
 * Markdown again, by the reader that read them in the first place, so that the event carries the
 * page's text once instead of twice and more.
 */
final class EventCard {

    private EventCard() {
    }

    /** The card as an event carries it. */
    static Card toEvent(Card card) {
        if (card.paperPage() == null) {
            return card;
        }
        return withPaperPage(card, null);
    }

    /** The card as ingest parsed it, from one an event carried. */
    static Card fromEvent(Card card) {
        if (card.kind() != CardKind.PAPER || card.body() == null) {
            return card;
        }
        return withPaperPage(card, PaperPageReader.read(card.body().markdown()).orElse(null));
    }

    private static Card withPaperPage(Card card, PaperPage page) {
        return new Card(card.id(), card.kind(), card.title(), card.header(), card.body(), page, card.chinese(),
                card.problems());
    }
}
