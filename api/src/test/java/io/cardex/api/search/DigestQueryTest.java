package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestQueryTest {

    private static final String FULL = "9dc18191e9a2e1ae1c5bde5e2cd72e5a8e0ba4bbb7b5e2d07c8d6f2b4b4c5f6a";

    @Test
    void wordsThatAreADigestOrItsFirstEightHexDigitsOrMoreAreADigest() {
        assertThat(DigestQuery.in(FULL)).contains(FULL);
        assertThat(DigestQuery.in("9DC18191")).contains("9dc18191");
        assertThat(DigestQuery.in(FULL.substring(0, 20))).contains(FULL.substring(0, 20));
    }

    @Test
    void otherWordsAreNoDigest() {
        assertThat(DigestQuery.in("9dc1819")).isEmpty();
        assertThat(DigestQuery.in("refinenet")).isEmpty();
        assertThat(DigestQuery.in("9dc18191 refinenet")).isEmpty();
        assertThat(DigestQuery.in(FULL + "0")).isEmpty();
    }
}
