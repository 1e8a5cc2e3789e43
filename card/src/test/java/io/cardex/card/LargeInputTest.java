package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Card files up to the size limit, shaped to make a careless reader slow, are read with their
 * problems like any other. The timeout is no benchmark: each takes a fraction of a second, while
 * the quadratic regular expressions some of them once met took minutes to hours (a quarter of the
 * limit is enough to show that).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LargeInputTest {

    private static final int LIMIT = (int) CardRules.DEFAULT_MAX_FILE_BYTES;
    private static final int QUARTER = LIMIT / 4;
    private static final String HEADER = "---\nx-field: value\n---\n";

    @Test
    void readsAFileOfOneLongLine() {
        assertThat(codes(parse("a".repeat(LIMIT)))).containsExactly("no-front-matter");
    }

    @Test
    void readsAFileOfTabLines() {
        assertThat(codes(parse("\t\n".repeat(LIMIT / 2)))).containsExactly("no-front-matter");
    }

    @Test
    void reportsAHeaderOfTabLinesOnce() {
        String text = "---\n" + "\t\n".repeat(LIMIT / 2 - 4) + "---\n";

        assertThat(codes(parse(text))).containsExactly("tab-indentation", "empty-header");
    }

    @Test
    void readsFiftyThousandListItems() {
        assertThat(codes(parse("- x\n".repeat(50_000)))).containsExactly("no-front-matter");
        assertThat(parse("---\nx-list:\n" + "- x\n".repeat(50_000) + "---\n").header().otherFields().get("x-list"))
                .asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(50_000);
    }

    @Test
    void readsAHeaderLineOfBlanksAndTabs() {
        assertThat(codes(parse("---\nkey" + " \t".repeat(QUARTER / 2) + "x\n---\n")))
                .containsExactly("header-not-mapping");
    }

    @Test
    void refusesANumberOfAQuarterMillionDigits() {
        assertThat(codes(parse("---\naccuracy: " + "1".repeat(QUARTER) + "x\n---\n"))).contains("invalid-number");
    }

    @Test
    void readsAHeadingWithALongRunOfBlanks() {
        Card card = parse(HEADER + "# a" + " ".repeat(QUARTER) + "b\n");

        assertThat(card.body().sections()).singleElement()
                .satisfies(section -> assertThat(section.heading()).startsWith("a ").endsWith(" b"));
    }

    @Test
    void findsNoPaperInLongRunsAfterTheWordArxiv() {
        String body = "arxiv" + " ".repeat(LIMIT / 2) + "\n" + "arxiv".repeat(LIMIT / 16) + "\n";

        assertThat(parse(HEADER + body).body().papers()).isEmpty();
    }

    @Test
    void findsADoiFollowedByAMegabyteOfDots() {
        assertThat(parse(HEADER + "doi:10.1234/x" + ".".repeat(LIMIT - 64) + "\n").body().papers())
                .containsExactly(new PaperRef(PaperRef.Scheme.DOI, "10.1234/x"));
    }

    @Test
    void readsAPaperPageWhoseAuthorsLineIsMostlyBlanks() {
        Card card = parse("A paper\n\nAbout\n\nIts abstract.\n\nA" + " ".repeat(QUARTER) + "B • 2016\n");

        assertThat(card.kind()).isEqualTo(CardKind.PAPER);
        assertThat(card.paperPage().year()).isEqualTo(2016);
    }

    @Test
    void listsTheFirstHundredOfSixtyThousandDuplicateKeysThenCountsTheOthers() {
        Card card = parse("---\n" + "x-key: v\n".repeat(60_001) + "---\n");

        assertThat(card.problems()).hasSize(101);
        assertThat(codes(card).subList(0, 100)).containsOnly("duplicate-key");
        // 60,000 duplicates and 13 missing fields, less the 100 listed.
        assertThat(card.problems().get(100)).satisfies(problem -> {
            assertThat(problem).extracting(Problem::code, Problem::severity, Problem::line)
                    .containsExactly("too-many-problems", Severity.ERROR, 0);
            assertThat(problem.message()).startsWith("59913 more problems were found")
                    .endsWith("fix the ones above and check the card again");
        });
    }

    private static Card parse(String text) {
        CardFile file = CardFile.of("a/b/c.md", text);
        assertThat(file.size()).isLessThanOrEqualTo(LIMIT);
        return new CardParser(CardRules.DEFAULT).parse(new CardId("a/b/c"), Optional.of(file), Optional.empty());
    }

    private static List<String> codes(Card card) {
        return card.problems().stream().map(Problem::code).toList();
    }
}
