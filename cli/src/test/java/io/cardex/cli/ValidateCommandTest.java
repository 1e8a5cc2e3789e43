package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "cards");

    @TempDir
    Path directory;
    private Path card;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyAnExampleCard() throws IOException {
        card = directory.resolve("mindspore/1.9/refinenet_voc2012.md");
        Files.createDirectories(card.getParent());
        Files.copy(EXAMPLES.resolve("mindspore/1.9/refinenet_voc2012.md"), card);
    }

    @Test
    void theExampleCardsAreAllValid() {
        int status = validate(EXAMPLES.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("checked 5 cards (6 files): 0 errors, 0 warnings; every card is valid\n");
    }

    @Test
    void printsEachProblemLikeACompilerAndFailsOnAnError() throws IOException {
        replace("fine-tunable: True", "fine-tunable: maybe");
        replace("9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa", "9dc18191");

        int status = validate(directory.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                card + ":11:1: error[invalid-boolean]: 'fine-tunable' is 'maybe': write True or False",
                card + ":36:5: warning[sha256-prefix]: 'asset-sha256' is a 8-digit prefix, a weaker check than the "
                        + "whole digest: write all 64 digits",
                "checked 1 card (1 file): 1 error, 1 warning; 1 invalid card");
    }

    @Test
    void aWarningAloneDoesNotFail() throws IOException {
        replace("9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa", "9dc18191");

        assertThat(validate(card.toString())).isZero();
    }

    @Test
    void writesJsonForPrograms() throws IOException {
        replace("module-type: cv", "module-type: vision");

        int status = validate("--format", "json", card.toString());

        assertThat(status).isEqualTo(1);
        JsonNode report = CardexJson.newMapper().readTree(out.toString());
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(1);
        JsonNode problem = report.at("/cards/0/problems/0");
        assertThat(List.of(problem.path("file").asText(), problem.path("line").asInt(), problem.path("code").asText(),
                problem.path("severity").asText())).containsExactly(card.toString(), 9, "unknown-module-type", "error");
    }

    @Test
    void readsAChineseVersionAsPartOfItsCard() throws IOException {
        Files.copy(EXAMPLES.resolve("mindspore/1.9/refinenet_voc2012_cn.md"),
                card.resolveSibling("refinenet_voc2012_cn.md"));

        assertThat(validate(directory.toString())).isZero();
        assertThat(out.toString()).startsWith("checked 1 card (2 files)");
    }

    @Test
    void honoursTheSizeLimitAndTheAssetHostsGiven() {
        assertThat(validate("--max-card-size", "1KiB", card.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error[file-too-large]");

        assertThat(validate("--allowed-hosts", "example.org", card.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error[host-not-allowed]");
    }

    @Test
    void onRealHubCardsOnlyTheOneNoParserCanReadIsAnError() throws Exception {
        int status = validate(resource("hub").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString().lines()).filteredOn(line -> line.contains("error["))
                .singleElement().asString().contains("resnet50_imagenet2012.md").contains("error[yaml-syntax]");
        assertThat(out.toString()).endsWith("; 1 invalid card\n").startsWith(resource("hub").toString())
                .contains("checked 3 cards (3 files)");
    }

    @Test
    void checksWithTheListsOfTheRulesFileGiven() throws Exception {
        String rules = resource("rules/vision-hub.yaml").toString();

        assertThat(validate("--rules", rules, card.toString())).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("error[host-not-allowed]: 'asset-link' points at 'download.mindspore.cn'");

        out.getBuffer().setLength(0);
        assertThat(validate("--rules", rules, "--allowed-hosts", "gitee.com,download.mindspore.cn", card.toString()))
                .as("--allowed-hosts replaces the file's hosts").isZero();
        replace("module-type: cv", "module-type: gnn");
        assertThat(validate("--rules", rules, "--allowed-hosts", "gitee.com,download.mindspore.cn", card.toString()))
                .isEqualTo(1);
        assertThat(out.toString()).contains("error[unknown-module-type]: 'module-type' is 'gnn': its type must be one of [cv]");
    }

    @Test
    void aBadRulesFileIsRefusedAtStartInOneLineNamingItsLine() throws Exception {
        Path rules = resource("rules/misspelt-key.yaml");

        int status = validate("--rules", rules.toString(), card.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("cardex: the rules file is refused: " + rules + ":5: 'backend' is not a "
                + "rules key: use one of module-types, required-fields, file-formats, used-for, backends, allowed-hosts, "
                + "datasets, or remove it\n");
    }

    @Test
    void looksUpAFeaturedImageInTheImagesFolderGiven() throws IOException {
        replace("license: Apache2.0", "featured-image: refinenet.png\n\nlicense: Apache2.0");
        Path images = Files.createDirectories(directory.resolve("images"));

        assertThat(validate("--images", images.toString(), card.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error[unknown-featured-image]");

        Files.writeString(images.resolve("refinenet.png"), "png");
        assertThat(validate("--images", images.toString(), card.toString())).isZero();
    }

    @Test
    void aDirectoryIsACardsRootWhoseCardsLieAtAnyDepth() throws IOException {
        copyCardTo("noah-cvlab/gpu/1.8/refinenet_voc2012.md");
        copyCardTo("a/b/c/d/refinenet_voc2012.md");
        copyCardTo("me/refinenet_voc2012.md");

        int status = validate("--format", "json", directory.toString());

        assertThat(status).isZero();
        JsonNode report = CardexJson.newMapper().readTree(out.toString());
        assertThat(report.path("cards").findValuesAsText("card_id")).containsExactly("a/b/c/d/refinenet_voc2012",
                "me/refinenet_voc2012", "mindspore/1.9/refinenet_voc2012", "noah-cvlab/gpu/1.8/refinenet_voc2012");
        assertThat(report.at("/summary/skipped_files").asInt()).isZero();
    }

    @Test
    void namesEveryFileThatIsNoCardWithItsReasonWithoutFailing() throws IOException {
        Files.writeString(directory.resolve("README.md"), "# The hub\n");
        Files.writeString(directory.resolve("mindspore/1.9/logo.png"), "png");
        Files.writeString(directory.resolve("mindspore/1.9/alone_cn.md"), "---\n模型名称: alone\n---\n");
        Files.write(directory.resolve("mindspore/1.9/image.md"), new byte[] {'P', 'N', 'G', 0, 1});
        Files.writeString(directory.resolve("top.md"), "---\nmodel-name: top\n---\n");

        int status = validate(directory.toString());

        assertThat(status).isZero();
        assertThat(out.toString().lines()).containsExactly(
                directory.resolve("README.md") + ": note[skipped:readme]: not a card, a README describes a folder, "
                        + "it is not a card",
                directory.resolve("mindspore/1.9/alone_cn.md") + ": note[skipped:chinese-without-english]: not a card, "
                        + "a Chinese version (_cn.md) without its English card (.md)",
                directory.resolve("mindspore/1.9/image.md") + ": note[skipped:binary]: not a card, a binary file "
                        + "(it has a NUL byte), not Markdown text",
                directory.resolve("mindspore/1.9/logo.png") + ": note[skipped:not-markdown]: not a card, "
                        + "not a Markdown file (.md)",
                directory.resolve("top.md") + ": note[skipped:not-a-key]: not a card, the path cannot be a card id: "
                        + "<user-id>/.../<name>.md, no empty, blank or '.' folder, at most 447 bytes",
                "checked 1 card (1 file): 0 errors, 0 warnings; every card is valid; 5 files skipped");
    }

    @Test
    void aCardOverTheSizeLimitIsAnInvalidCardNotASkippedFile() throws IOException {
        copyCardTo("noah-cvlab/gpu/1.8/big.md");

        int status = validate("--max-card-size", "1KiB", directory.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(directory.resolve("noah-cvlab/gpu/1.8/big.md") + ": error[file-too-large]")
                .contains("checked 2 cards (2 files): 2 errors, 0 warnings; 2 invalid cards\n")
                .doesNotContain("skipped");
    }

    @Test
    void aMissingPathIsAUsageError() {
        int status = validate(directory.resolve("nothere").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("no such file or directory: " + directory.resolve("nothere"));
    }

    private static Path resource(String name) throws java.net.URISyntaxException {
        return Path.of(ValidateCommandTest.class.getResource("/" + name).toURI());
    }

    private void copyCardTo(String path) throws IOException {
        Path copy = directory.resolve(path);
        Files.createDirectories(copy.getParent());
        Files.copy(card, copy);
    }

    private void replace(String from, String to) throws IOException {
        String text = Files.readString(card);
        assertThat(text).contains(from);
        Files.writeString(card, text.replace(from, to));
    }

    private int validate(String... arguments) {
        CommandLine commandLine = CardexCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 1];
        all[0] = "validate";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return commandLine.execute(all);
    }
}
