package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not cards, or badly broken ones: each is one clear problem on that card. */
class BadInputTest {

    private static final String VALID = new String(Fixtures.bytes("refinenet.md"), StandardCharsets.UTF_8);

    @Test
    void reportsACardWithoutHeaderAndStillReturnsIt() {
        Card card = Fixtures.parse("no-header.md");

        assertThat(card.isValid()).isFalse();
        assertThat(card.problems()).extracting(Problem::code, Problem::severity, Problem::line)
                .containsExactly(tuple("no-front-matter", Severity.ERROR, 1));
        assertThat(card.title()).isEqualTo("Just prose");
        assertThat(card.body().markdown()).contains("no YAML header");
    }

    @Test
    void placesAYamlSyntaxErrorOnItsLineInTheFile() {
        Card card = Fixtures.parse("broken-yaml.md");

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("yaml-syntax");
            assertThat(problem.line()).isBetween(5, 6);
            assertThat(problem.message()).startsWith("the YAML header cannot be read");
        });
        assertThat(card.body().markdown()).isEqualTo("Body.");
    }

    @Test
    void aDuplicateKeyIsAWarningWithBothLinesAndItsLastValueCountsAsTheHubReadsIt() {
        Card card = Fixtures.parse("duplicate-key.md");

        assertThat(card.problems()).filteredOn(problem -> problem.code().equals("duplicate-key"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
                    assertThat(problem.line()).isEqualTo(4);
                    assertThat(problem.message()).contains("'model-name'").contains("line 2");
                });
        assertThat(card.header().modelName()).isEqualTo("second");
    }

    @Test
    void aDuplicateKeyIsReportedAtEveryLevelOfTheHeader() {
        Card card = parse("---\nmodel-name: m\nasset:\n  - file-format: ckpt\n    asset-link: https://download.mindspore.cn/a.ckpt\n"
                + "    file-format: mindir\nevaluation:\n  top1: 1\n  extra:\n    a: 1\n    a: 2\n---\n");

        assertThat(card.problems()).filteredOn(problem -> problem.code().equals("duplicate-key"))
                .extracting(Problem::line, Problem::severity)
                .containsExactly(tuple(6, Severity.WARNING), tuple(11, Severity.WARNING));
    }

    @Test
    void reportsAHeaderThatIsNotAMapping() {
        assertThat(Fixtures.parse("not-mapping.md").problems())
                .extracting(Problem::code).containsExactly("header-not-mapping");
    }

    @Test
    void refusesAnAliasBombWithoutExpandingIt() {
        assertThat(Fixtures.parse("alias-bomb.md").problems()).extracting(Problem::code).containsExactly("yaml-limit");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "---\nmodel-name: " + "[".repeat(200) + "]".repeat(200) + "\n---\n";

        assertThat(parse(deep).problems()).extracting(Problem::code).containsExactly("yaml-limit");
    }

    @Test
    void reportsAHeaderIndentedWithTabsAndReadsItAnyway() {
        String text = VALID.replace("    file-format: ckpt", "\tfile-format: ckpt");

        Card card = parse(text);

        assertThat(card.problems()).extracting(Problem::code, Problem::line)
                .containsExactly(tuple("tab-indentation", 34));
        assertThat(card.header().assets()).extracting(Asset::fileFormat).containsExactly("ckpt");
    }

    @Test
    void reportsABinaryFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        assertThat(parse(new CardFile("a/b/c.md", png, png.length)).problems())
                .extracting(Problem::code, Problem::line).containsExactly(tuple("binary-file", 0));
    }

    @Test
    void reportsInvalidUtf8WhereItIsAndChecksTheRest() {
        byte[] text = VALID.replace("author: MindSpore team", "author: MindSpore t\u00e9am")
                .getBytes(StandardCharsets.UTF_8);
        String withBadByte = new String(text, StandardCharsets.ISO_8859_1).replace("\u00c3\u00a9", "\u00e9");
        byte[] latin1 = withBadByte.getBytes(StandardCharsets.ISO_8859_1);

        Card card = parse(new CardFile("a/b/c.md", latin1, latin1.length));

        assertThat(card.problems()).extracting(Problem::code, Problem::line, Problem::column)
                .containsExactly(tuple("invalid-utf8", 19, 20));
        assertThat(card.header().modelName()).isEqualTo("RefineNet");
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutReadingIt() {
        CardRules small = new CardRules(1000, CardRules.DEFAULT_ALLOWED_HOSTS);

        Card card = CardRulesCheckTest.parse(VALID, small);

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("file-too-large");
            assertThat(problem.message()).contains("at most 1000");
        });
    }

    @Test
    void reportsAHeaderThatNeverEnds() {
        assertThat(parse("---\nmodel-name: x\n\nbody without end").problems()).extracting(Problem::code)
                .contains("unterminated-front-matter");
    }

    @Test
    void readsAnEmptyFileAsACardWithAProblem() {
        assertThat(parse("").problems()).extracting(Problem::code).containsExactly("no-front-matter");
    }

    @Test
    void placesAControlCharacterInTheHeaderWhereItIs() {
        Card card = parse("---\nmodel-name: x\nauthor: some\u001Bone\n---\n");

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem).extracting(Problem::code, Problem::line, Problem::column)
                    .containsExactly("yaml-syntax", 3, 13);
            assertThat(problem.message()).contains("U+001B");
        });
    }

    @Test
    void countsHeaderLinesAsEditorsDoWhateverUnicodeLineSeparatorsTheValuesHold() {
        Card card = parse("---\nx-a: \"one\u2028two\u0085three\u2029four\"\nx-b: first\nx-b: again\n---\n");

        assertThat(card.problems()).filteredOn(problem -> problem.code().equals("duplicate-key"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(4);
                    assertThat(problem.message()).contains("first on line 3");
                });
    }

    @Test
    void countsLinesEndedByCarriageReturnsWhenPlacingABadByte() {
        byte[] text = "---\rmodel-name: caf\u00e9\r---\r".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parse(new CardFile("a/b/c.md", text, text.length)).problems())
                .extracting(Problem::code, Problem::line, Problem::column)
                .contains(tuple("invalid-utf8", 2, 16));
    }

    @Test
    void reportsATabIndentedHeaderOnceOnItsFirstTab() {
        Card card = parse(VALID.replace("\n    ", "\n\t"));

        assertThat(card.problems()).singleElement().satisfies(problem -> {
            assertThat(problem).extracting(Problem::code, Problem::line).containsExactly("tab-indentation", 34);
            assertThat(problem.message()).contains("3 lines");
        });
        assertThat(card.header().assets()).hasSize(1);
    }

    @Test
    void refusesAliasesThatRepeatALongListIntoMillionsOfValues() {
        String bomb = "---\na: &a [" + "x, ".repeat(100_000) + "x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n"
                + "d: [*c, *c, *c]\n---\n";

        assertThat(parse(bomb).problems()).singleElement().satisfies(problem -> {
            assertThat(problem).extracting(Problem::code, Problem::line).containsExactly("yaml-limit", 3);
            assertThat(problem.message()).contains("aliases repeat more than");
        });
    }

    @Test
    void refusesANumberTooLargeForADouble() {
        assertThat(parse("---\naccuracy: 1e400\n---\n").problems())
                .extracting(Problem::code, Problem::line).contains(tuple("invalid-number", 2));
    }

    @Test
    void leavesAFullWidthColonInsideAQuotedKeyAlone() {
        Card card = parse("---\n\"x-note：kept\": v\n模型名称：RefineNet\n---\n");

        assertThat(card.header().otherFields()).containsOnlyKeys("x-note：kept", "模型名称");
    }

    @Test
    void quotesALongValueShortlyOnOneLine() {
        Card card = parse("---\naccuracy: \"76.5\\n" + "9".repeat(5000) + "\"\n---\n");

        assertThat(card.problems()).filteredOn(problem -> problem.code().equals("invalid-number"))
                .singleElement().extracting(Problem::message).isEqualTo(
                        "'accuracy' is '76.5\\n" + "9".repeat(74) + "…': write a number such as 76.5");
    }

    /** Cards with a value of 5000 characters, each quoted by another part of the parser. */
    static Stream<Arguments> cardsWithALongValue() {
        String value = "a\\nb\\u0085c\\u2028" + "x".repeat(5000);
        return Stream.of(
                // YAML takes a key of over 1024 characters only after a '? '.
                arguments("duplicate-key", "---\n? \"" + value + "\"\n: first\n? \"" + value + "\"\n: again\n---\n"),
                arguments("unknown-module-type", "---\nmodule-type: \"" + value + "\"\n---\n"),
                arguments("invalid-link", "---\nrepo-link: \"" + value + "\"\n---\n"),
                arguments("yaml-syntax", "---\nmodel-name: *" + "x".repeat(5000) + "\n---\n"),
                arguments("heading-ends-with-colon", "---\nx: y\n---\n## a\u0085b\u2028" + "x".repeat(5000) + ":\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardsWithALongValue")
    void keepsAMessageThatQuotesALongValueShortAndOnOneLine(String code, String text) {
        assertThat(parse(text).problems()).filteredOn(problem -> problem.code().equals(code))
                .singleElement().extracting(Problem::message).asString()
                .hasSizeLessThan(200).doesNotContain("\n", "\r", "\u0085", "\u2028");
    }

    private static Card parse(String text) {
        return parse(CardFile.of("a/b/c.md", text));
    }

    private static Card parse(CardFile file) {
        return new CardParser(CardRules.DEFAULT).parse(new CardId("a/b/c"), Optional.of(file), Optional.empty());
    }
}
