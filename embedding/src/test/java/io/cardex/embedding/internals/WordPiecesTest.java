package io.cardex.embedding.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPiecesTest {

    private static final WordPieces WORD_PIECES = WordPieces.load("all-minilm-l6-v2-q-tokenizer.json", 64);
    private static final long CLS = 101;
    private static final long SEP = 102;

    @Test
    void aTextIsItsPiecesBetweenClsAndSep() {
        long[] ids = WORD_PIECES.ids("segment roads");

        assertThat(ids).hasSize(4).startsWith(CLS).endsWith(SEP);
    }

    @Test
    void aLongTextIsCutAtTheNumberOfPiecesAsked() {
        long[] ids = WORD_PIECES.ids("segment roads ".repeat(500));

        assertThat(ids).hasSize(64).startsWith(CLS, WORD_PIECES.ids("segment")[1]).endsWith(SEP);
    }
}
