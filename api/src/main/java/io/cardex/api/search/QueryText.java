package io.cardex.api.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a user typed, split as the search reads them: plain words, and the rest ({@code
 * "quoted phrases"} and {@code -exclusions}), so that a typo-tolerant look at names can take the
 * plain words and still obey the phrases and exclusions.
 *
 * @param words the words outside quotes, not excluded
 * @param rest  the phrases and exclusions as typed, joined by spaces; empty when there are none
 */
record QueryText(List<String> words, String rest) {

    QueryText {
        words = List.copyOf(words);
    }

    static QueryText parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean excluded = text.charAt(i) == '-';
            if (excluded) {
                i++;
            }
            if (i < length && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                i = close < 0 ? length : close + 1;
                rest.add(text.substring(start, i));
            } else {
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                (excluded ? rest : words).add(text.substring(start, i));
            }
        }
        return new QueryText(words, String.join(" ", rest));
    }
}
