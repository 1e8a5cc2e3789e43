package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void aCardHighInBothRankingsBeatsOneFirstInOnlyOne() {
        Map<String, Double> fused = RankFusion.fuse(List.of(
                List.of("resnet50", "resnet101", "vgg16"),
                List.of("resnet101", "resnet50", "mobilenet")));

        assertThat(fused.get("resnet50")).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get("resnet50")).isEqualTo(fused.get("resnet101"));
        assertThat(fused.get("resnet50")).isGreaterThan(fused.get("vgg16"));
        assertThat(fused.get("vgg16")).isCloseTo(1.0 / 63, within(1e-12));
    }

    @Test
    void aCardOfOneRankingOnlyKeepsItsOwnRankScore() {
        Map<String, Double> fused = RankFusion.fuse(List.of(List.of(), List.of("dlinknet", "unet")));

        assertThat(fused).containsOnlyKeys("dlinknet", "unet");
        assertThat(fused.get("dlinknet")).isGreaterThan(fused.get("unet"));
    }
}
