package io.cardex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.Asset;
import io.cardex.card.Card;
import io.cardex.card.CardHeader;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.Metric;
import io.cardex.card.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus {@link ParseBenchmark} parses is the one docs/BENCHMARKS.md describes. */
class CardGeneratorTest {

    private static final List<GeneratedCard> CORPUS =
            new CardGenerator(ParseBenchmark.CORPUS_SEED).generate(ParseBenchmark.CORPUS_SIZE);
    private static final CardParser PARSER = new CardParser(CardRules.DEFAULT);
    private static final List<Card> PARSED = CORPUS.stream().map(card -> card.parse(PARSER)).toList();

    @Test
    void theSameSeedMakesTheSameCardsAndAnotherSeedOthers() {
        List<GeneratedCard> again = new CardGenerator(ParseBenchmark.CORPUS_SEED).generate(100);
        List<GeneratedCard> other = new CardGenerator(ParseBenchmark.CORPUS_SEED + 1).generate(100);

        assertThat(texts(again)).isEqualTo(texts(CORPUS.subList(0, 100)));
        assertThat(texts(other)).isNotEqualTo(texts(again));
    }

    @Test
    void aCardWhoseIdIsTakenIsFiledUnderTheFirstFreeNumberWithTheSameTexts() {
        GeneratedCard card = CORPUS.stream().filter(generated -> generated.chinese().isPresent()).findFirst().orElseThrow();
        CardId second = new CardId(card.id().value() + "_2");

        GeneratedCard third = card.withFreeId(Set.of(card.id(), second)::contains);

        assertThat(card.withFreeId(id -> false)).isSameAs(card);
        assertThat(third.id()).isEqualTo(new CardId(card.id().value() + "_3"));
        assertThat(third.english().path()).isEqualTo(third.id().path(Language.EN));
        assertThat(third.english().content()).isEqualTo(card.english().content());
        assertThat(third.chinese().orElseThrow().path()).isEqualTo(third.id().path(Language.ZH));
        assertThat(third.chinese().orElseThrow().content()).isEqualTo(card.chinese().orElseThrow().content());
        assertThat(third.parse(PARSER).problems()).extracting(Problem::code)
                .isEqualTo(card.parse(PARSER).problems().stream().map(Problem::code).toList());
    }

    @Test
    void cardsAreTwoToSixKilobytesLikeRealHubCards() {
        double averageBytes = CORPUS.stream().mapToLong(card -> card.english().size()).average().orElseThrow();

        assertThat(averageBytes).isBetween(3_000.0, 5_000.0);
        assertThat(CORPUS).allSatisfy(card -> assertThat(card.english().size()).isBetween(2_048L, 6_144L));
    }

    @Test
    void aboutOneCardInTenIsBrokenAndTheParserReportsEachFlaw() {
        long broken = CORPUS.stream().filter(card -> card.flaw() != Flaw.NONE).count();

        assertThat(share(broken)).isBetween(0.08, 0.12);
        assertThat(CORPUS.stream().map(GeneratedCard::flaw).collect(Collectors.toSet()))
                .containsAll(Flaw.BREAKING);
        for (int i = 0; i < CORPUS.size(); i++) {
            Flaw flaw = CORPUS.get(i).flaw();
            Card card = PARSED.get(i);
            if (flaw == Flaw.NONE) {
                assertThat(card.isValid()).as("%s: %s", card.id(), card.problems()).isTrue();
            } else {
                assertThat(card.isValid()).as("%s broken by %s", card.id(), flaw).isFalse();
                assertThat(card.problems()).extracting(Problem::code).as("%s", card.id())
                        .contains(flaw.problemCode());
            }
        }
    }

    @Test
    void aboutOneCardInTenHasAChineseVersionThatIsReadAsItsTranslation() {
        long chinese = CORPUS.stream().filter(card -> card.chinese().isPresent()).count();

        assertThat(share(chinese)).isBetween(0.08, 0.12);
        for (int i = 0; i < CORPUS.size(); i++) {
            if (CORPUS.get(i).chinese().isPresent()) {
                assertThat(CORPUS.get(i).chinese().get().path()).endsWith("_cn.md");
                assertThat(PARSED.get(i).chinese().summary()).contains("用于");
            }
        }
    }

    @Test
    void cardsVaryInModuleTypeDatasetEvaluationAndAssets() {
        List<CardHeader> headers = PARSED.stream().filter(Card::isValid).map(Card::header).toList();

        assertThat(headers.stream().map(header -> header.moduleType().type()).collect(Collectors.toSet()))
                .contains("cv", "nlp", "audio", "recommend", "other");
        assertThat(headers.stream().map(CardHeader::evaluation).map(evaluation -> evaluation == null ? List.of()
                : evaluation.metrics().stream().map(Metric::name).toList()).collect(Collectors.toSet()))
                .contains(List.of(), List.of("acc"), List.of("mAP"), List.of("acc", "acccls", "iou"),
                        List.of("100%-EER", "TRP@FAR=1%"));
        assertThat(PARSED.stream().flatMap(card -> card.problems().stream()).map(Problem::code))
                .contains("unknown-dataset", "sha256-prefix");
        assertThat(headers.stream().map(header -> header.assets().size()).collect(Collectors.toSet()))
                .isEqualTo(Set.of(1, 2, 3));
        assertThat(headers.stream().flatMap(header -> header.assets().stream()).map(Asset::sha256)
                .map(String::length).collect(Collectors.toSet())).isEqualTo(Set.of(8, 64));
        assertThat(PARSED.stream().map(card -> card.body().citation()).filter(Objects::nonNull).count())
                .isEqualTo(PARSED.size());
        assertThat(PARSED).allSatisfy(card -> assertThat(card.body().papers()).hasSize(1));
    }

    private static List<String> texts(List<GeneratedCard> cards) {
        return cards.stream().map(card -> new String(card.english().content(), StandardCharsets.UTF_8)).toList();
    }

    private static double share(long count) {
        return (double) count / CORPUS.size();
    }
}
