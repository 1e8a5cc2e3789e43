package io.cardex.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryLanguageTest {

    @Test
    void englishQuestionsAndNamesAreEmbedded() {
        assertThat(QueryLanguage.embeddable("detect defects on a factory line")).isTrue();
        assertThat(QueryLanguage.embeddable("resnet50 ImageNet-2012")).isTrue();
    }

    @Test
    void chineseJapaneseAndKoreanAreLeftToTheWords() {
        assertThat(QueryLanguage.embeddable("语义分割")).isFalse();
        assertThat(QueryLanguage.embeddable("BERT 中文命名实体识别")).isFalse();
        assertThat(QueryLanguage.embeddable("セグメンテーション")).isFalse();
        assertThat(QueryLanguage.embeddable("의미 분할")).isFalse();
    }
}
