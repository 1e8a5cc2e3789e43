package io.cardex.card;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever a card's files hold, the parser returns a card and never throws, and every problem
 * on it is well formed: in one of the card's files, with a stable kebab-case code, on a line of
 * that file, with a message. Each test runs a fixed number of seeded random cases (see
 * {@link Fuzz}): a failing case prints its seed and what it fed the parser, and
 * {@code -Dcardex.fuzz.seed=SEED -Dcardex.fuzz.cases=1} runs it again, alone.
 */
class CardParserFuzzTest {

    private static final CardId ID = new CardId("someone/1.0/card");
    private static final String ENGLISH_PATH = ID.path(Language.EN);
    private static final String CHINESE_PATH = ID.path(Language.ZH);
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Problems that say the header could not be read at all, which a well-formed header never has. */
    private static final List<String> UNREADABLE_HEADER = List.of("yaml-syntax", "yaml-limit", "tab-indentation",
            "empty-header", "header-not-mapping", "duplicate-key", "invalid-key", "no-front-matter",
            "unterminated-front-matter");
    private static final List<String> FIXTURES =
            List.of("refinenet.md", "quirks.md", "refinenet_cn.md", "paper-refinenet.md", "dlinknet.md");
    private static final String YAML_CHARS = ":-&*!{}[]|>%@`\t：#'\",?\\~.  \n\nab1";
    /**
     * Byte sequences that are not UTF-8, byte order marks, line ends, and a line long enough to push
     * what follows past the bytes the parser looks through for a NUL.
     */
    private static final List<byte[]> BYTES = List.of(
            new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE6, (byte) 0xA8}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {'\r'},
            new byte[] {'\n'}, new byte[] {0x1B}, ("#" + "x".repeat(8100) + "\n").getBytes(UTF_8));
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Fewer mutated cards say little about how many the mutations leave valid. */
    private static final int CASES_TO_JUDGE_COVERAGE = 200;

    /** Which of a card's two files exist. */
    enum Files { ENGLISH_ONLY, CHINESE_ONLY, BOTH }

    /** How a generated header writes its keys and text values. */
    enum ScalarStyle {
        AS_IS(UnaryOperator.identity()),
        DOUBLE_QUOTED(YamlHeaders::doubleQuoted),
        /** Quotes the scalars with an even hash, so that one header mixes both, reproducibly. */
        MIXED(text -> text.hashCode() % 2 == 0 ? YamlHeaders.doubleQuoted(text) : text);

        final UnaryOperator<String> writer;

        ScalarStyle(UnaryOperator<String> writer) {
            this.writer = writer;
        }
    }

    @TestFactory
    Stream<DynamicTest> anyBytesMakeACardWithWellFormedProblems() {
        return Fuzz.cases(1000, random -> new CardInput(files(random), anyBytes(random), anyBytes(random),
                rules(random)), CardParserFuzzTest::checkedParse);
    }

    @TestFactory
    Stream<DynamicTest> anyTextMakesACardWithWellFormedProblems() {
        return Fuzz.cases(1000, random -> new CardInput(files(random), anyText(random), anyText(random),
                CardRules.DEFAULT), CardParserFuzzTest::checkedParse);
    }

    @TestFactory
    Stream<DynamicTest> editedFixtureCardsMakeCardsWithWellFormedProblems() {
        Outcomes outcomes = new Outcomes();
        Stream<DynamicTest> cases = Fuzz.cases(1000, CardParserFuzzTest::editedCardInBothFiles,
                input -> outcomes.count(checkedParse(input)));
        // The edits must leave some cards readable and break others, or this test proves little.
        DynamicTest coverage = dynamicTest("at least 5 % of the edited cards are valid, 30 % invalid, "
                + "and 20 % have their model name read", () -> {
            assumeTrue(outcomes.cases >= CASES_TO_JUDGE_COVERAGE,
                    () -> outcomes.cases + " cases are too few to judge what the edits do");
            assertThat(outcomes.percent(outcomes.valid)).as("% of valid cards").isGreaterThanOrEqualTo(5);
            assertThat(outcomes.percent(outcomes.cases - outcomes.valid)).as("% of invalid cards")
                    .isGreaterThanOrEqualTo(30);
            assertThat(outcomes.percent(outcomes.modelNameRead)).as("% of cards with their model name read")
                    .isGreaterThanOrEqualTo(20);
        });
        return Stream.concat(cases, Stream.of(coverage));
    }

    @TestFactory
    Stream<DynamicTest> generatedHeadersMakeCardsWithWellFormedProblems() {
        return Fuzz.cases(500, random -> {
            Content text = generatedHeaderCard(random);
            return new CardInput(files(random), text, text, CardRules.DEFAULT);
        }, CardParserFuzzTest::checkedParse);
    }

    @TestFactory
    Stream<DynamicTest> readsAWellFormedHeaderBackAsWritten() {
        return Fuzz.cases(300, CardParserFuzzTest::wellFormedHeader, header -> {
            String text = "---\n" + YamlHeaders.block(header.fields(), header.flowValues(), YamlHeaders::doubleQuoted)
                    + "---\n\nBody.\n";

            Card card = checkedParse(CardInput.englishOnly(Content.of("the header", text)));

            assertThat(card.problems()).extracting(Problem::code).doesNotContainAnyElementsOf(UNREADABLE_HEADER);
            assertThat(card.header().otherFields()).isEqualTo(header.fields());
        });
    }

    @TestFactory
    Stream<DynamicTest> readsTheSameFilesIntoTheSameCard() {
        return Fuzz.cases(300, CardParserFuzzTest::editedCardInBothFiles, input -> {
            CardParser parser = new CardParser(CardRules.DEFAULT);

            Card first = parser.parse(ID, input.english(), input.chinese());

            assertThat(parser.parse(ID, input.english(), input.chinese())).isEqualTo(first);
            assertThat(new CardParser(CardRules.DEFAULT).parse(ID, input.english(), input.chinese()))
                    .isEqualTo(first);
        });
    }

    /** A card file's content, and how it was made, which is what a failing case prints. */
    record Content(String how, byte[] bytes) {

        static Content of(String how, String text) {
            return new Content(how, text.getBytes(UTF_8));
        }

        @Override
        public String toString() {
            return how + " (" + bytes.length + " bytes)";
        }
    }

    /** The files of a card to parse: which of the two exist, what each holds, and the rules to read them with. */
    record CardInput(Files files, Content englishContent, Content chineseContent, CardRules rules) {

        static CardInput englishOnly(Content content) {
            return new CardInput(Files.ENGLISH_ONLY, content, null, CardRules.DEFAULT);
        }

        Optional<CardFile> english() {
            return files == Files.CHINESE_ONLY ? Optional.empty() : Optional.of(file(ENGLISH_PATH, englishContent));
        }

        Optional<CardFile> chinese() {
            return files == Files.ENGLISH_ONLY ? Optional.empty() : Optional.of(file(CHINESE_PATH, chineseContent));
        }

        private static CardFile file(String path, Content content) {
            return new CardFile(path, content.bytes(), content.bytes().length);
        }

        @Override
        public String toString() {
            String described = switch (files) {
                case ENGLISH_ONLY -> "English file " + englishContent;
                case CHINESE_ONLY -> "Chinese file " + chineseContent;
                case BOTH -> englishContent == chineseContent ? "both files " + englishContent
                        : "English file " + englishContent + "; Chinese file " + chineseContent;
            };
            return rules.equals(CardRules.DEFAULT) ? described
                    : described + "; files of at most " + rules.maxFileBytes() + " bytes read";
        }
    }

    /** Header fields to write as YAML and read back. */
    record WrittenHeader(Map<String, Object> fields, boolean flowValues) {
        @Override
        public String toString() {
            return fields.size() + " fields, " + (flowValues ? "flow" : "block") + " style, keys "
                    + fields.keySet().stream().map(Fuzz::quoted).collect(Collectors.joining(", "));
        }
    }

    /** How many cases had each outcome, to show that the inputs are not all alike. */
    private static final class Outcomes {
        int cases;
        int valid;
        int modelNameRead;

        void count(Card card) {
            cases++;
            valid += card.isValid() ? 1 : 0;
            modelNameRead += card.header() != null && card.header().modelName() != null ? 1 : 0;
        }

        double percent(int count) {
            return 100.0 * count / cases;
        }
    }

    private static Files files(Random random) {
        return Fuzz.pick(random, List.of(Files.values()));
    }

    private static CardRules rules(Random random) {
        return random.nextInt(5) < 4 ? CardRules.DEFAULT
                : new CardRules(1 + random.nextInt(3000), CardRules.DEFAULT_ALLOWED_HOSTS);
    }

    private static Content anyBytes(Random random) {
        if (random.nextBoolean()) {
            byte[] bytes = new byte[Fuzz.size(random, 2000)];
            random.nextBytes(bytes);
            return new Content("random bytes", bytes);
        }
        return corrupt(random, random.nextBoolean() ? anyText(random) : editedCard(random));
    }

    /** The text with a few bad byte sequences (or line ends) inserted, and maybe a byte order mark. */
    private static Content corrupt(Random random, Content text) {
        byte[] corrupted = text.bytes();
        int insertions = Fuzz.size(random, 6);
        for (int i = 0; i < insertions; i++) {
            int at = random.nextInt(100_001) % (corrupted.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(corrupted, 0, at);
            out.writeBytes(Fuzz.pick(random, BYTES));
            out.write(corrupted, at, corrupted.length - at);
            corrupted = out.toByteArray();
        }
        String how = insertions == 0 ? text.how() : text.how() + " with " + insertions + " byte sequences inserted";
        if (!random.nextBoolean()) {
            return new Content(how, corrupted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BYTE_ORDER_MARK);
        out.writeBytes(corrupted);
        return new Content(how + " after a byte order mark", out.toByteArray());
    }

    private static Content anyText(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Content.of("random characters", Fuzz.anyChars(random, 1000));
            case 1 -> Content.of("YAML characters", Fuzz.charsOf(random, YAML_CHARS, 1000));
            case 2 -> Content.of("random lines", lines(random));
            default -> Content.of("random header and body lines", "---\n" + lines(random) + "\n---\n" + lines(random));
        };
    }

    /** Lines that mean something to a card's reader, and YAML's punctuation. */
    private static String lines(Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = Fuzz.size(random, 40); i > 0; i--) {
            lines.add(switch (random.nextInt(4)) {
                case 0 -> Fuzz.pick(random, CardEdit.LINES);
                case 1 -> Fuzz.pick(random, CardEdit.FRAGMENTS);
                case 2 -> Fuzz.pick(random, YamlHeaders.KNOWN_KEYS) + ": " + Fuzz.pick(random, CardEdit.VALUES);
                default -> Fuzz.charsOf(random, YAML_CHARS, 30);
            });
        }
        return String.join("\n", lines);
    }

    /** A fixture card after one to eight random edits, with \n or \r\n line ends. */
    private static Content editedCard(Random random) {
        String fixture = Fuzz.pick(random, FIXTURES);
        List<CardEdit> edits = new ArrayList<>();
        for (int i = 1 + Fuzz.size(random, 7); i > 0; i--) {
            edits.add(CardEdit.any(random));
        }
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        List<String> lines = new String(Fixtures.bytes(fixture), UTF_8).lines().toList();
        for (CardEdit edit : edits) {
            lines = edit.applyTo(lines);
        }
        return Content.of(fixture + (lineEnd.equals("\n") ? "" : " with CRLF") + " edited by " + edits,
                String.join(lineEnd, lines) + lineEnd);
    }

    private static CardInput editedCardInBothFiles(Random random) {
        Content text = editedCard(random);
        return new CardInput(files(random), text, text, CardRules.DEFAULT);
    }

    /** A header of known and random keys, with values the field rules judge and random ones, nested. */
    private static Content generatedHeaderCard(Random random) {
        Function<Random, String> keys = r -> r.nextBoolean()
                ? Fuzz.pick(r, YamlHeaders.KNOWN_KEYS) : Fuzz.charsOf(r, YAML_CHARS, 12);
        Function<Random, String> scalars = r -> switch (r.nextInt(4)) {
            case 0 -> Fuzz.pick(r, YamlHeaders.FIELD_VALUES);
            case 1 -> Fuzz.pick(r, CardEdit.VALUES);
            case 2 -> Fuzz.pick(r, CardEdit.FRAGMENTS);
            default -> Fuzz.anyChars(r, 20);
        };
        Map<String, Object> fields = YamlHeaders.fields(random, 0, 15, keys,
                r -> YamlHeaders.value(r, keys, scalars));
        ScalarStyle style = Fuzz.pick(random, List.of(ScalarStyle.values()));
        boolean flowValues = random.nextBoolean();
        String title = random.nextBoolean() ? "" : "# Title\n\n";
        String body = random.nextBoolean() ? "" : "## Citation\n\narXiv:1611.06612\n";
        return Content.of(fields.size() + " generated fields, " + style + (flowValues ? ", flow values" : "")
                        + (title.isEmpty() ? "" : ", a title") + (body.isEmpty() ? "" : ", a citation"),
                title + "---\n" + YamlHeaders.block(fields, flowValues, style.writer) + "---\n\n" + body);
    }

    /** Fields cardex does not know ({@code x-...}), with any text, nested a few levels. */
    private static WrittenHeader wellFormedHeader(Random random) {
        // The header reader strips its top-level keys, so generated ones must not need it.
        Function<Random, String> keys = r -> {
            String key;
            do {
                key = "x-" + anyCharacters(r, 12);
            } while (!key.strip().equals(key));
            return key;
        };
        Map<String, Object> fields = YamlHeaders.fields(random, 1, 10, keys,
                r -> YamlHeaders.value(r, s -> anyCharacters(s, 8), s -> anyCharacters(s, 30)));
        return new WrittenHeader(fields, random.nextBoolean());
    }

    /**
     * Any characters, often those YAML gives a meaning to or takes for line breaks. Half of a
     * surrogate pair alone is no character: the reader takes it for U+FFFD ({@code invalid-escape}),
     * so it becomes an {@code x} here.
     */
    private static String anyCharacters(Random random, int maxLength) {
        String text = random.nextBoolean() ? Fuzz.anyChars(random, maxLength)
                : Fuzz.charsOf(random, YAML_CHARS + "\r\u0085\u2028\u2029\uFEFF模😀", maxLength);
        return text.codePoints().map(point -> Character.isSurrogate((char) point) && point <= Character.MAX_VALUE ? 'x' : point)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Parses the card's files and checks what every card must satisfy, whatever its files hold. */
    private static Card checkedParse(CardInput input) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        input.english().ifPresent(file -> contents.put(file.path(), file.content()));
        input.chinese().ifPresent(file -> contents.put(file.path(), file.content()));

        Card card = new CardParser(input.rules()).parse(ID, input.english(), input.chinese());

        assertThat(card).isNotNull();
        assertThat(card.id()).isEqualTo(ID);
        assertThat(card.body()).isNotNull();
        assertThat(card.problems()).isNotNull().allSatisfy(problem -> {
            assertThat(contents).as("the file of %s", problem).containsKey(problem.file());
            assertThat(problem.code()).as("the code of %s", problem).matches(KEBAB_CASE);
            assertThat(problem.severity()).as("the severity of %s", problem).isNotNull();
            assertThat(problem.line()).as("the line of %s", problem)
                    .isBetween(0, lineCount(contents.get(problem.file())) + 1);
            assertThat(problem.column()).as("the column of %s", problem).isNotNegative();
            assertThat(problem.message()).as("the message of %s", problem).isNotBlank();
        });
        assertThat(card.isValid()).isEqualTo(card.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR));
        return card;
    }

    /** Lines as an editor counts them, and the parser too: each ends at \n, \r\n or \r. */
    private static int lineCount(byte[] content) {
        return (int) new String(content, UTF_8).lines().count();
    }
}
