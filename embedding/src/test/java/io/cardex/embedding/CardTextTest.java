package io.cardex.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.Card;
import io.cardex.card.CardHeader;
import org.junit.jupiter.api.Test;

class CardTextTest {

    private final Card dlinknet = Cards.read("1.9", "dlinknet50_deepglobe");

    @Test
    void holdsWhatTheCardSaysItIsFor() {
        String text = CardText.of(dlinknet).text();

        assertThat(text).startsWith("dlinknet50. D-LinkNet with a ResNet-50 encoder segments roads in satellite imagery")
                .contains("cv segmentation")
                .contains("trained on DeepGlobe Road Extraction Dataset")
                .contains("D-LinkNet extracts roads from high-resolution satellite images");
    }

    @Test
    void leavesOutTheCitationAndTheDisclaimer() {
        String text = CardText.of(dlinknet).text();

        assertThat(text).doesNotContain("Lichen Zhou").doesNotContain("without warranty");
    }

    @Test
    void isCutToABoundedLengthAboveWhatTheModelReads() {
        assertThat(CardText.of(dlinknet).text()).hasSizeLessThanOrEqualTo(CardText.MAX_CHARS);
        assertThat(new CardText("x".repeat(5_000)).text()).hasSize(CardText.MAX_CHARS);
    }

    @Test
    void keepsItsFingerprintWhenNothingItHoldsChanged() {
        Card sameTextOtherAuthor = new Card(dlinknet.id(), dlinknet.kind(), dlinknet.title(),
                withAuthor(dlinknet.header(), "someone else"), dlinknet.body(), dlinknet.paperPage(),
                dlinknet.chinese(), dlinknet.problems());

        assertThat(CardText.of(sameTextOtherAuthor).fingerprint()).isEqualTo(CardText.of(dlinknet).fingerprint());
    }

    @Test
    void changesItsFingerprintWithItsText() {
        assertThat(new CardText("segments roads").fingerprint()).isNotEqualTo(new CardText("segments rivers").fingerprint())
                .hasSize(64);
    }

    private static CardHeader withAuthor(CardHeader h, String author) {
        return new CardHeader(h.modelName(), h.backboneName(), h.moduleType(), h.fineTunable(), h.modelVersion(),
                h.trainDatasets(), h.evaluation(), h.accuracy(), author, h.updateTime(), h.repoLink(), h.userId(),
                h.usedFor(), h.trainBackends(), h.inferBackends(), h.mindsporeVersion(), h.inputShape(),
                h.allowCacheCkpt(), h.license(), h.summary(), h.assets(), h.otherFields());
    }
}
