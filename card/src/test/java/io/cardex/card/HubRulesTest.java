package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules file: the default one is MindSpore Hub's checker, another replaces every list, and a
 * bad one is refused with its file, its line and what to do.
 */
class HubRulesTest {

    private static final String VALID = new String(Fixtures.bytes("refinenet.md"), StandardCharsets.UTF_8);

    @TempDir
    Path tempDirectory;

    @Test
    void theDefaultRulesAreTheListsOfTheHubsChecker() {
        HubRules rules = HubRules.DEFAULT;

        assertThat(rules.moduleTypes()).containsExactlyInAnyOrder(
                "gnn", "rl", "audio", "cv", "cvtmodel", "nlp", "recommend", "cross", "hpc", "mm", "other");
        assertThat(rules.requiredFields()).containsExactly("backbone-name", "module-type", "fine-tunable",
                "model-version", "author", "update-time", "repo-link", "user-id", "used-for", "mindspore-version",
                "license", "summary");
        assertThat(rules.fileFormats()).containsExactlyInAnyOrder("air", "ckpt", "onnx", "mindir", "mslite");
        assertThat(rules.usedFor()).containsExactlyInAnyOrder("inference", "extract-feature", "transfer-learning");
        assertThat(rules.backends()).containsExactlyInAnyOrder("cpu", "gpu", "ascend");
        assertThat(rules.allowedHosts()).contains("download.mindspore.cn", "download-mindspore.osinfra.cn");
        assertThat(rules.datasets()).hasSizeGreaterThan(200);
    }

    @Test
    void aDatasetIsKnownIgnoringCaseSpacesAndPunctuation() {
        assertThat(HubRules.DEFAULT.knowsDataset("MS COCO")).isTrue();
        assertThat(HubRules.DEFAULT.knowsDataset("voc2012")).isTrue();
        assertThat(HubRules.DEFAULT.knowsDataset("myroads2031")).isFalse();
    }

    @Test
    void anotherHubsRulesFileReplacesEveryList() throws Exception {
        HubRules rules = HubRules.read(fixture("other-hub.yaml"));
        Card card = CardRulesCheckTest.parse(VALID.replace("train-dataset: voc2012", "train-dataset: MyRoads-2031"),
                new CardRules(CardRules.DEFAULT_MAX_FILE_BYTES, rules));

        assertThat(rules.moduleTypes()).containsExactlyInAnyOrder("vision", "speech", "other");
        assertThat(card.problems()).extracting(Problem::code).containsExactlyInAnyOrder(
                "unknown-module-type", "host-not-allowed", "host-not-allowed");
        assertThat(card.problems().get(0).message()).endsWith("its type must be one of [other, speech, vision]");
    }

    @Test
    void aRulesFileMayRequireFieldsTheHubDoesNot() throws Exception {
        Path file = Files.writeString(tempDirectory.resolve("strict.yaml"), Files.readString(fixture("other-hub.yaml"))
                .replace("  - summary\n", "  - summary\n  - train-dataset\n"));
        CardRules rules = new CardRules(CardRules.DEFAULT_MAX_FILE_BYTES, HubRules.read(file));

        assertThat(CardRulesCheckTest.parse(VALID.replace("train-dataset: voc2012", ""), rules).problems())
                .extracting(Problem::code, Problem::message)
                .contains(tuple("missing-field", "the header has no 'train-dataset': add it"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml   | 5 | 'backend' is not a rules key: use one of module-types, required-fields, file-formats, used-for, backends, allowed-hosts, datasets, or remove it
            wrong-type.yaml    | 4 | 'used-for' must be a list, one '- value' line per item, not a single value
            empty-list.yaml    | 3 | 'file-formats' is an empty list: list at least one value
            duplicate-key.yaml | 7 | 'module-types' is given twice (first on line 1): keep one list
            not-yaml.yaml      | 3 | the rules file is not valid YAML (expected ',' or ']', but got :): correct this line
            host-as-url.yaml   | 8 | 'https://mirror.example.org/models' is not a host name: write the host alone, such as download.mindspore.cn (its sub-domains are allowed too)
            empty.yaml         | 1 | the rules file is empty: write the keys module-types, required-fields, file-formats, used-for, backends, allowed-hosts, datasets (docs/cards.md, 'The rules file', shows the format)
            """)
    void aBadRulesFileIsRefusedWithItsFileLineAndWhatToDo(String name, int line, String problem) throws Exception {
        Path file = fixture(name);

        assertThatThrownBy(() -> HubRules.read(file)).isInstanceOfSatisfying(InvalidRulesException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(file + ":" + line + ": " + problem);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.file()).isEqualTo(file.toString());
        });
    }

    @Test
    void aRulesFileWithoutAKeyNamesTheKeyToAdd() throws Exception {
        Path file = fixture("missing-key.yaml");

        assertThatThrownBy(() -> HubRules.read(file)).isInstanceOf(InvalidRulesException.class)
                .hasMessage(file + ": the rules file has no 'allowed-hosts': add it with its list; every key of the "
                        + "default rules is required (docs/cards.md, 'The rules file', shows the format)");
    }

    @Test
    void aRulesFileThatCannotBeReadIsRefused() {
        Path missing = tempDirectory.resolve("nothere.yaml");

        assertThatThrownBy(() -> HubRules.read(missing)).isInstanceOf(InvalidRulesException.class)
                .hasMessage(missing + ": no such rules file: give the path of a readable file");
    }

    @Test
    void aRulesFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = Files.write(tempDirectory.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});

        assertThatThrownBy(() -> HubRules.read(file)).hasMessage(file + ": the rules file is not UTF-8 text: save it as UTF-8");
    }

    @Test
    void theDefaultRulesFileReadAsAFileGivesTheDefaultRules() throws Exception {
        Path copy = tempDirectory.resolve("hub-rules.yaml");
        try (var in = HubRules.class.getResourceAsStream(HubRules.DEFAULT_RESOURCE)) {
            Files.copy(in, copy);
        }

        assertThat(HubRules.read(copy)).isEqualTo(HubRules.DEFAULT);
        assertThat(Optional.of(CardRules.DEFAULT.hub())).contains(HubRules.DEFAULT);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(HubRulesTest.class.getResource("/rules/" + name).toURI());
    }
}
