package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of the hub's checker and of cardex, broken one at a time on an otherwise valid card:
 * the card reports exactly that problem, on the line that breaks it.
 */
class CardRulesCheckTest {

    private static final String VALID = new String(Fixtures.bytes("refinenet.md"), StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{2} when ''{0}'' becomes ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            module-type: cv                 | module-type: vision              | unknown-module-type    | ERROR
            module-type: cv                 | module-type: cv-classification-extra | invalid-module-type    | WARNING
            module-type: cv                 | module-type: [cv]                | not-text               | ERROR
            used-for: inference             | used-for: [inference]            | not-text               | ERROR
            author: MindSpore team          | author: {name: MindSpore team}   | not-text               | WARNING
            fine-tunable: True              | fine-tunable: maybe              | invalid-boolean        | ERROR
            used-for: inference             | used-for: inference/training     | unknown-used-for       | ERROR
            file-format: ckpt               | file-format: pth                 | unknown-file-format    | ERROR
            update-time: 2022-10-11         | update-time: last tuesday        | invalid-date           | WARNING
            summary: RefineNet is used for cv | summary: ratio 3:1 for cv       | stray-colon            | ERROR
            train-dataset: voc2012          | train-dataset: myroads2031       | unknown-dataset        | WARNING
            repo-link: <https://gitee.com   | repo-link: <gitee.com            | invalid-link           | ERROR
            repo-link: <https://gitee.com   | repo-link: <https://code.example.com | host-not-allowed     | ERROR
            asset-link: <https://download.mindspore.cn | asset-link: <https://files.example.com | host-not-allowed | ERROR
            asset-link: <https://download.mindspore.cn | asset-link: <ftp://download.mindspore.cn | invalid-link | ERROR
            asset-sha256: 9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa | asset-sha256: 9dc18191 | sha256-prefix | WARNING
            asset-sha256: 9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa | asset-sha256: 9dc181 | invalid-sha256 | WARNING
            asset-sha256: 9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa | asset-sha256: not-a-digest | invalid-sha256 | WARNING
            ## Citation                     | ## Citation:                     | heading-ends-with-colon | ERROR
            """)
    void reportsTheBrokenRuleOnItsLine(String valid, String broken, String code, Severity severity) {
        String text = replace(VALID, valid, broken);

        Card card = parse(text, CardRules.DEFAULT);

        assertThat(card.problems()).extracting(Problem::code, Problem::severity, Problem::line)
                .containsExactly(tuple(code, severity, lineOf(text, broken)));
        assertThat(card.problems().get(0).file()).isEqualTo("cards/mindspore/1.9/card.md");
    }

    @ParameterizedTest(name = "{1} for ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            accuracy: high                 | invalid-number
            accuracy: 76.5                 |
            allow-cache-ckpt: sometimes    | invalid-boolean
            allow-cache-ckpt: yes          |
            infer-backend: tpu             | unknown-backend
            train-backend: ascend/gpu      |
            input-shape: [[1, 3, x]]       | invalid-input-shape
            input-shape: [[1, 3, 224, 224]] |
            """)
    void checksOptionalFieldsOnlyWhenPresent(String line, String code) {
        String text = replace(VALID, "license: Apache2.0", line + "\n\nlicense: Apache2.0");

        Card card = parse(text, CardRules.DEFAULT);

        if (code == null) {
            assertThat(card.problems()).isEmpty();
        } else {
            assertThat(card.problems()).extracting(Problem::code, Problem::line)
                    .containsExactly(tuple(code, lineOf(text, line)));
        }
    }

    @Test
    void aCardWithoutTrainDatasetIsValidAsTheHubChecksItOnlyWhenPresent() {
        Card card = parse(replace(VALID, "train-dataset: voc2012", ""), CardRules.DEFAULT);

        assertThat(card.problems()).isEmpty();
        assertThat(card.header().trainDatasets()).isEmpty();
    }

    @Test
    void aCardWithoutAssetIsValidAsTheHubChecksItOnlyWhenPresent() {
        String text = VALID.substring(0, VALID.indexOf("asset:")) + VALID.substring(VALID.indexOf("license:"));

        Card card = parse(text, CardRules.DEFAULT);

        assertThat(card.problems()).isEmpty();
        assertThat(card.header().assets()).isEmpty();
    }

    @Test
    void aCardWithoutModelNameIsInvalidThoughTheHubDoesNotRequireIt() {
        Card card = parse(replace(VALID, "model-name: RefineNet", ""), CardRules.DEFAULT);

        assertThat(card.isValid()).isFalse();
        assertThat(card.problems()).extracting(Problem::code, Problem::severity, Problem::message)
                .containsExactly(tuple("missing-field", Severity.ERROR, "the header has no 'model-name': add it"));
    }

    @ParameterizedTest(name = "module-type {0}")
    @CsvSource({"gnn", "mm", "hpc", "rl", "cvtmodel", "cross", "audio", "nlp-translation", "MM-Retrieval", "other"})
    void acceptsEveryModuleTypeOfTheHub(String moduleType) {
        assertThat(parse(replace(VALID, "module-type: cv", "module-type: " + moduleType), CardRules.DEFAULT).problems())
                .isEmpty();
    }

    @Test
    void acceptsAnAssetOnTheHubsMirror() {
        String text = replace(VALID, "https://download.mindspore.cn/models/", "https://download-mindspore.osinfra.cn/models/");

        assertThat(parse(text, CardRules.DEFAULT).problems()).isEmpty();
    }

    @ParameterizedTest(name = "featured-image {0} with images {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            refinenet.png | refinenet.png,other.jpg |
            no-image      | refinenet.png           |
            missing.png   | refinenet.png           | unknown-featured-image
            """)
    void aFeaturedImageMustBeAFileOfTheImagesFolder(String image, String images, String code) {
        String text = replace(VALID, "license: Apache2.0", "featured-image: " + image + "\n\nlicense: Apache2.0");
        CardRules rules = CardRules.DEFAULT.withFeaturedImages(Set.of(images.split(",")));

        assertThat(parse(text, rules).problems()).extracting(Problem::code)
                .containsExactlyElementsOf(code == null ? List.of() : List.of(code));
        assertThat(parse(text, CardRules.DEFAULT).problems()).as("not looked up without the folder").isEmpty();
    }

    @Test
    void namesEachMissingRequiredField() {
        String text = replace(replace(VALID, "license: Apache2.0", ""), "author: MindSpore team", "");

        assertThat(parse(text, CardRules.DEFAULT).problems())
                .extracting(Problem::code, Problem::message).containsExactlyInAnyOrder(
                        tuple("missing-field", "the header has no 'author': add it"),
                        tuple("missing-field", "the header has no 'license': add it"));
    }

    @Test
    void reportsEveryProblemOfACardAtOnce() {
        String text = replace(replace(replace(VALID, "fine-tunable: True", "fine-tunable: maybe"),
                "file-format: ckpt", "file-format: pth"), "summary: RefineNet is used for cv", "");

        assertThat(parse(text, CardRules.DEFAULT).problems()).extracting(Problem::code)
                .containsExactlyInAnyOrder("invalid-boolean", "unknown-file-format", "missing-field");
    }

    @Test
    void allowsTheHostsTheOperatorConfigures() {
        String text = replace(VALID, "https://download.mindspore.cn", "https://mirror.example.org");

        assertThat(parse(text, CardRules.DEFAULT).problems()).extracting(Problem::code)
                .containsExactly("host-not-allowed");
        assertThat(parse(text, new CardRules(CardRules.DEFAULT_MAX_FILE_BYTES, Set.of("example.org", "gitee.com"))).problems())
                .isEmpty();
    }

    @Test
    void readsAListOfTextsWhereTheHubTakesAnyValueAsOneTextWithAWarning() {
        Card card = parse(replace(VALID, "author: MindSpore team", "author: [network-fo, noah]"), CardRules.DEFAULT);

        assertThat(card.isValid()).isTrue();
        assertThat(card.header().author()).isEqualTo("network-fo, noah");
        assertThat(card.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple("not-text", Severity.WARNING));
    }

    @Test
    void keepsAnUnknownDatasetAsAWarningSoTheCardStaysValid() {
        Card card = parse(replace(VALID, "train-dataset: voc2012", "train-dataset: myroads2031"), CardRules.DEFAULT);

        assertThat(card.isValid()).isTrue();
        assertThat(card.header().trainDatasets()).containsExactly("myroads2031");
    }

    static Card parse(String text, CardRules rules) {
        return new CardParser(rules).parse(new CardId("mindspore/1.9/card"),
                Optional.of(CardFile.of("cards/mindspore/1.9/card.md", text)), Optional.empty());
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
