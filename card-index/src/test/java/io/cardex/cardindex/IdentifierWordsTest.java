package io.cardex.cardindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierWordsTest {

    @Test
    void splitsIdentifiersIntoTheWordsPeopleSearchFor() {
        assertThat(IdentifierWords.of(List.of("DeepGlobeRoadExtractionDataset")).split(" "))
                .contains("Road", "Extraction", "Deep", "Globe", "Dataset");
        assertThat(IdentifierWords.of(List.of("mindspore/1.9/refinenet_voc2012")).split(" "))
                .contains("refinenet", "voc2012", "voc", "2012");
        assertThat(IdentifierWords.of(List.of("cv-classification")).split(" ")).contains("cv", "classification");
        assertThat(IdentifierWords.of(List.of("NASFPN_coco2017")).split(" ")).contains("NASFPN", "coco", "2017");
    }
}
