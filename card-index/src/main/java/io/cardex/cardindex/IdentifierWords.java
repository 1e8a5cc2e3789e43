package io.cardex.cardindex;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words inside identifiers: {@code DeepGlobeRoadExtractionDataset} holds "deep globe road
 * extraction dataset", {@code refinenet_voc2012} holds "refinenet voc2012 voc 2012". The index's
 * standard analyzer keeps such identifiers whole and Elasticsearch here has no word-delimiter
 * filter, so the words are derived when the document is built.
 */
final class IdentifierWords {

    /** Between parts: any non-alphanumeric run, a lower-to-upper case change, letters and digits. */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CASE_CHANGE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private IdentifierWords() {
    }

    /** Every part of every identifier, once, joined by spaces. */
    static String of(Iterable<String> identifiers) {
        Set<String> words = new LinkedHashSet<>();
        for (String identifier : identifiers) {
            if (identifier == null) {
                continue;
            }
            for (String part : SEPARATOR.split(identifier)) {
                if (part.isEmpty()) {
                    continue;
                }
                words.add(part);
                for (String word : CASE_CHANGE.split(part)) {
                    words.add(word);
                    for (String piece : LETTERS_AND_DIGITS.split(word)) {
                        words.add(piece);
                    }
                }
            }
        }
        return String.join(" ", words);
    }
}
