package io.cardex.embedding;

import java.lang.Character.UnicodeScript;

/** Whether a query is one the English model understands: a query in Chinese (or Japanese, Korean) is not. */
public final class QueryLanguage {

    private QueryLanguage() {
    }

    /** Whether the text holds no Han, Hiragana, Katakana or Hangul character. */
    public static boolean embeddable(String text) {
        return text.codePoints().mapToObj(UnicodeScript::of).noneMatch(script -> script == UnicodeScript.HAN
                || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA || script == UnicodeScript.HANGUL);
    }
}
