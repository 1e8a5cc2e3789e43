package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardParserTest {

    private final CardParser parser = new CardParser(CardRules.DEFAULT);

    @Test
    void readsEveryFieldOfAHubCard() {
        Card card = Fixtures.parse("refinenet.md");

        assertThat(card.problems()).isEmpty();
        assertThat(card.isValid()).isTrue();
        assertThat(card.kind()).isEqualTo(CardKind.MODEL);
        assertThat(card.title()).isEqualTo("RefineNet");
        CardHeader header = card.header();
        assertThat(header.modelName()).isEqualTo("RefineNet");
        assertThat(header.backboneName()).isEqualTo("RefineNet");
        assertThat(header.moduleType()).isEqualTo(new ModuleType("cv", null));
        assertThat(header.fineTunable()).isTrue();
        assertThat(header.modelVersion()).isEqualTo("1.9");
        assertThat(header.trainDatasets()).containsExactly("voc2012");
        assertThat(header.evaluation().raw()).isEqualTo("acc80");
        assertThat(header.evaluation().metrics()).containsExactly(new Metric("acc", 80));
        assertThat(header.author()).isEqualTo("MindSpore team");
        assertThat(header.updateTime()).isEqualTo(LocalDate.of(2022, 10, 11));
        assertThat(header.repoLink()).isEqualTo("https://gitee.com/mindspore/models/tree/r1.9/research/cv/RefineNet");
        assertThat(header.userId()).isEqualTo("MindSpore");
        assertThat(header.usedFor()).containsExactly("inference");
        assertThat(header.mindsporeVersion()).isEqualTo("1.9");
        assertThat(header.license()).isEqualTo("Apache2.0");
        assertThat(header.summary()).isEqualTo("RefineNet is used for cv");
        assertThat(header.assets()).containsExactly(new Asset("ckpt",
                "https://download.mindspore.cn/models/r1.9/refinenet_ascend_v190_voc2012_research_cv_acc80.ckpt",
                "9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa"));
        assertThat(header.otherFields()).isEmpty();
        assertThat(card.chinese()).isNull();
        assertThat(card.paperPage()).isNull();
    }

    @Test
    void splitsTheBodyIntoSectionsAndFindsTheCitedPaper() {
        CardBody body = Fixtures.parse("refinenet.md").body();

        assertThat(body.markdown()).startsWith("## Introduction").contains("## Citation");
        assertThat(body.sections()).extracting(Section::heading, Section::level, Section::line).containsExactly(
                tuple("Introduction", 2, 44), tuple("Citation", 2, 54), tuple("Disclaimer", 2, 59));
        assertThat(body.citation()).contains("RefineNet: Multi-Path Refinement Networks");
        assertThat(body.papers()).containsExactly(new PaperRef(PaperRef.Scheme.ARXIV, "1611.06612"));
        assertThat(body.papers().get(0).url()).isEqualTo("https://arxiv.org/abs/1611.06612");
    }

    @Test
    void readsEveryMetricOfAMultiMetricEvaluation() {
        CardHeader header = Fixtures.parse("dlinknet.md").header();

        assertThat(header.evaluation().metrics()).containsExactly(
                new Metric("acc", 98.14), new Metric("acccls", 89.39), new Metric("iou", 98.08));
        assertThat(header.trainDatasets()).containsExactly("DeepGlobeRoadExtractionDataset");
    }

    @Test
    void toleratesTheShapesRealCardsUse() {
        Card card = Fixtures.parse("quirks.md");

        assertThat(card.problems()).isEmpty();
        CardHeader header = card.header();
        assertThat(header.moduleType()).isEqualTo(new ModuleType("cv", "classification"));
        assertThat(header.fineTunable()).isFalse();
        assertThat(header.mindsporeVersion()).as("versions stay text, 1.10 is not 1.1").isEqualTo("1.10");
        assertThat(header.evaluation()).as("'-' means no evaluation").isNull();
        assertThat(header.updateTime()).isEqualTo(LocalDate.of(2023, 3, 2));
        assertThat(header.trainDatasets()).containsExactly("imagenet", "cifar10");
        assertThat(header.usedFor()).containsExactly("inference", "transfer-learning");
        assertThat(header.trainBackends()).containsExactly("gpu", "ascend");
        assertThat(header.inferBackends()).containsExactly("cpu");
        assertThat(header.inputShape()).containsExactly(List.of(1, 3, 224, 224));
        assertThat(header.otherFields()).isEqualTo(Map.of("custom-field", "kept as is"));
    }

    @Test
    void keepsLaterRulesTablesAndCodeInTheBody() {
        CardBody body = Fixtures.parse("quirks.md").body();

        assertThat(body.markdown()).contains("|---|---|").contains("---\n\nText after a rule.");
        assertThat(body.sections()).extracting(Section::heading).containsExactly("Results", "References");
    }

    @Test
    void findsArxivLinksAndDoisInTheReferences() {
        assertThat(Fixtures.parse("quirks.md").body().papers()).containsExactly(
                new PaperRef(PaperRef.Scheme.ARXIV, "1904.07392"),
                new PaperRef(PaperRef.Scheme.DOI, "10.1109/cvpr.2018.00442"));
    }

    @Test
    void attachesTheChineseVersionToTheSameCard() {
        Card card = parser.parse(Fixtures.id("refinenet.md"),
                Optional.of(Fixtures.file("refinenet.md")), Optional.of(Fixtures.file("refinenet_cn.md")));

        assertThat(card.problems()).isEmpty();
        assertThat(card.header().modelName()).isEqualTo("RefineNet");
        assertThat(card.chinese().language()).isEqualTo(Language.ZH);
        assertThat(card.chinese().summary()).isEqualTo("RefineNet 用于图像语义分割");
        assertThat(card.chinese().body().markdown()).contains("多路径精炼网络");
    }

    @Test
    void readsAChineseOnlyCardWithItsChineseKeysAndFullWidthColons() {
        Card card = parser.parse(Fixtures.id("refinenet_cn.md"),
                Optional.empty(), Optional.of(Fixtures.file("refinenet_cn.md")));

        assertThat(card.problems()).extracting(Problem::code).containsExactly("missing-english-version");
        assertThat(card.isValid()).isTrue();
        assertThat(card.header().modelName()).isEqualTo("RefineNet");
        assertThat(card.header().fineTunable()).isTrue();
        assertThat(card.header().assets()).extracting(Asset::fileFormat).containsExactly("ckpt");
    }

    @Test
    void readsTheShapesChineseCardsUseForNoEvaluationAndCompactAssetLists() {
        String chinese = new String(Fixtures.bytes("refinenet_cn.md"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("评估：acc80", "评估：-")
                .replace("-\n    文件格式：ckpt\n    资源链接", "  - 文件格式：ckpt\n    资源链接");
        assertThat(chinese).contains("评估：-").contains("  - 文件格式：ckpt");

        Card card = parser.parse(Fixtures.id("refinenet_cn.md"), Optional.empty(),
                Optional.of(CardFile.of("cards/refinenet_cn.md", chinese)));

        assertThat(card.problems()).extracting(Problem::code).containsExactly("missing-english-version");
        assertThat(card.header().evaluation()).isNull();
        assertThat(card.header().assets()).extracting(Asset::fileFormat).containsExactly("ckpt");
    }

    @Test
    void aListItemHoldingAFullWidthColonStaysText() {
        String text = new String(Fixtures.bytes("quirks.md"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("custom-field: kept as is", "custom-field:\n  - 比例：3比1");

        Card card = parser.parse(Fixtures.id("quirks.md"), Optional.of(CardFile.of("cards/quirks.md", text)),
                Optional.empty());

        assertThat(card.header().otherFields()).isEqualTo(Map.of("custom-field", List.of("比例：3比1")));
    }

    @Test
    void readsAPaperPageAsASecondKindOfCard() {
        Card card = Fixtures.parse("paper-refinenet.md");

        assertThat(card.problems()).isEmpty();
        assertThat(card.kind()).isEqualTo(CardKind.PAPER);
        assertThat(card.header()).isNull();
        assertThat(card.title())
                .isEqualTo("RefineNet: Multi-Path Refinement Networks for High-Resolution Semantic Segmentation");
        PaperPage page = card.paperPage();
        assertThat(page.abstractText()).startsWith("Deep convolutional networks lose resolution");
        assertThat(page.authors()).containsExactly("Guosheng Lin", "Anton Milan", "Chunhua Shen", "Ian Reid");
        assertThat(page.year()).isEqualTo(2016);
        assertThat(page.benchmarks()).containsExactly(
                new Benchmark("Semantic segmentation", "ADE20K (val)", new Metric("mIoU", 42.4), 2731),
                new Benchmark("Semantic segmentation", "PASCAL VOC 2012 (test)", new Metric("mIoU", 84.2), 1342),
                new Benchmark("Semantic segmentation", "Cityscapes (test)", new Metric("mIoU", 73.6), 1145));
    }
}
