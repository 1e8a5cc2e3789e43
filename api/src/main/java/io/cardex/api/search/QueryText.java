package io.cardex.api.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a user typed, split as the search reads them, so that the other ways a card can
 * match (a name one typo away, a paper it cites) obey the phrases and exclusions too.
 *
 * @param words    the words outside quotes, not excluded
 * @param phrases  the {@code "quoted phrases"}, with their quotes
 * @param excluded what follows a {@code -}: words, and phrases with their quotes
 */
record QueryText(List<String> words, List<String> phrases, List<String> excluded) {

    QueryText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
    }

    static QueryText parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            boolean exclusion = text.charAt(i) == '-';
            if (exclusion) {
                i++;
            }
            int start = i;
            if (i < length && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                i = close < 0 ? length : close + 1;
                (exclusion ? excluded : phrases).add(text.substring(start, i));
            } else {
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    (exclusion ? excluded : words).add(text.substring(start, i));
                }
            }
        }
        return new QueryText(words, phrases, excluded);
    }
}
