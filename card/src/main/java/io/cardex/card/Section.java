package io.cardex.card;

/**
 * A part of a card's body under one Markdown heading.
 *
 * @param level 1 for {@code #}, 2 for {@code ##}, ...
 * @param line  1-based line of the heading in the card file
 * @param text  the Markdown below the heading, up to the next heading of any level
 */
public record Section(String heading, int level, int line, String text) {
}
