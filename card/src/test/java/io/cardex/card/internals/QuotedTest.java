package io.cardex.card.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

    @Test
    void quotesAShortValueAsItIs() {
        assertThat(Quoted.of("cv-classification")).isEqualTo("'cv-classification'");
        assertThat(Quoted.of("模型 😀 'it''s'")).isEqualTo("'模型 😀 'it''s''");
    }

    @Test
    void showsLineBreaksAndControlCharactersEscaped() {
        assertThat(Quoted.of("one\ntwo\r\n\tthree\u0085\u2028\u001B[2K\u0000"))
                .isEqualTo("'one\\ntwo\\r\\n\\tthree\\u0085\\u2028\\u001B[2K\\u0000'");
    }

    @Test
    void showsCharactersThatHideOrReorderTextEscaped() {
        assertThat(Quoted.of("\uFEFFmodel\u200B-name \u202Eevil\u202C")).isEqualTo(
                "'\\uFEFFmodel\\u200B-name \\u202Eevil\\u202C'");
    }

    @Test
    void showsALoneSurrogateEscapedAndAPairAsItsCharacter() {
        assertThat(Quoted.of("\uD83D\uDE00 \uD83D")).isEqualTo("'😀 \\uD83D'");
    }

    @Test
    void cutsALongValueAfterEightyCharactersWithAnEllipsis() {
        assertThat(Quoted.of("x".repeat(5000))).isEqualTo("'" + "x".repeat(80) + "…'");
        assertThat(Quoted.of("x".repeat(80))).isEqualTo("'" + "x".repeat(80) + "'");
    }

    @Test
    void neverCutsAnEscapeInTheMiddle() {
        assertThat(Quoted.of("x".repeat(78) + "\u001B")).isEqualTo("'" + "x".repeat(78) + "…'");
        assertThat(Quoted.of("x".repeat(78) + "\n")).isEqualTo("'" + "x".repeat(78) + "\\n'");
    }

    @Test
    void neverCutsACharacterOutsideTheBasicPlaneInHalf() {
        assertThat(Quoted.of("x".repeat(79) + "😀😀")).isEqualTo("'" + "x".repeat(79) + "😀…'");
    }
}
