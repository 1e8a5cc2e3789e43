package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CardParserTest {

    @Test
    void readsEveryFieldOfAHubCard() {
        Card card = Fixtures.parse("refinenet.md");

        assertThat(card.problems()).isEmpty();
        assertThat(card.isValid()).isTrue();
        assertThat(card.title()).isEqualTo("RefineNet");
        assertThat(card.modelName()).isEqualTo("RefineNet");
        assertThat(card.backboneName()).isEqualTo("RefineNet");
        assertThat(card.moduleType()).isEqualTo(new ModuleType("cv", null));
        assertThat(card.fineTunable()).isTrue();
        assertThat(card.modelVersion()).isEqualTo("1.9");
        assertThat(card.trainDatasets()).containsExactly("voc2012");
        assertThat(card.evaluation().raw()).isEqualTo("acc80");
        assertThat(card.evaluation().metrics()).containsExactly(new Metric("acc", 80));
        assertThat(card.author()).isEqualTo("MindSpore team");
        assertThat(card.updateTime()).isEqualTo(LocalDate.of(2022, 10, 11));
        assertThat(card.repoLink()).isEqualTo("https://gitee.com/mindspore/models/tree/r1.9/research/cv/RefineNet");
        assertThat(card.userId()).isEqualTo("MindSpore");
        assertThat(card.usedFor()).containsExactly("inference");
        assertThat(card.mindsporeVersion()).isEqualTo("1.9");
        assertThat(card.license()).isEqualTo("Apache2.0");
        assertThat(card.summary()).isEqualTo("RefineNet is used for cv");
        assertThat(card.assets()).containsExactly(new Asset("ckpt",
                "https://download.mindspore.cn/models/r1.9/refinenet_ascend_v190_voc2012_research_cv_acc80.ckpt",
                "9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa"));
        assertThat(card.body()).startsWith("## Introduction").contains("## Citation");
        assertThat(card.otherFields()).isEmpty();
    }

    @Test
    void readsEveryMetricOfAMultiMetricEvaluation() {
        Card card = Fixtures.parse("dlinknet.md");

        assertThat(card.evaluation().metrics()).containsExactly(
                new Metric("acc", 98.14), new Metric("acccls", 89.39), new Metric("iou", 98.08));
        assertThat(card.trainDatasets()).containsExactly("DeepGlobeRoadExtractionDataset");
    }

    @Test
    void toleratesTheShapesRealCardsUse() {
        Card card = Fixtures.parse("quirks.md");

        assertThat(card.problems()).isEmpty();
        assertThat(card.moduleType()).isEqualTo(new ModuleType("cv", "classification"));
        assertThat(card.fineTunable()).isFalse();
        assertThat(card.mindsporeVersion()).as("versions stay text, 1.10 is not 1.1").isEqualTo("1.10");
        assertThat(card.evaluation()).as("'-' means no evaluation").isNull();
        assertThat(card.updateTime()).isEqualTo(LocalDate.of(2023, 3, 2));
        assertThat(card.trainDatasets()).containsExactly("imagenet", "cifar10");
        assertThat(card.usedFor()).containsExactly("inference", "transfer-learning");
        assertThat(card.otherFields()).containsEntry("custom-field", "kept as is");
    }

    @Test
    void keepsLaterRulesAndTablesInTheBody() {
        Card card = Fixtures.parse("quirks.md");

        assertThat(card.body()).contains("|---|---|").contains("---\n\nText after a rule.");
    }

    @Test
    void reportsACardWithoutHeaderAndStillReturnsIt() {
        Card card = Fixtures.parse("no-header.md");

        assertThat(card.isValid()).isFalse();
        assertThat(card.problems()).extracting(Problem::code, Problem::severity, Problem::line)
                .containsExactly(tuple("no-front-matter", Severity.ERROR, 1));
        assertThat(card.title()).isEqualTo("Just prose");
        assertThat(card.body()).contains("no YAML header");
    }

    @Test
    void placesAYamlSyntaxErrorOnItsLineInTheFile() {
        Card card = Fixtures.parse("broken-yaml.md");

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("yaml-syntax");
            assertThat(problem.line()).isBetween(5, 6);
            assertThat(problem.message()).startsWith("the YAML header cannot be read");
        });
        assertThat(card.body()).isEqualTo("Body.");
    }

    @Test
    void reportsADuplicateKeyWithBothLines() {
        Card card = Fixtures.parse("duplicate-key.md");

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("duplicate-key");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).contains("'model-name'").contains("line 2");
        });
        assertThat(card.modelName()).isEqualTo("first");
    }

    @Test
    void reportsAHeaderThatIsNotAMapping() {
        assertThat(Fixtures.parse("not-mapping.md").problems())
                .extracting(Problem::code).containsExactly("header-not-mapping");
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        Card card = Fixtures.parse("bad-values.md");

        assertThat(card.problems()).extracting(Problem::code, Problem::line).containsExactlyInAnyOrder(
                tuple("invalid-boolean", 3), tuple("invalid-number", 4), tuple("invalid-date", 5));
        assertThat(card.modelName()).isEqualTo("bad");
    }

    @Test
    void refusesAnAliasBombWithoutExpandingIt() {
        Card card = Fixtures.parse("alias-bomb.md");

        assertThat(card.problems()).extracting(Problem::code).containsExactly("yaml-limit");
    }
}
