package io.cardex.card;

import io.cardex.card.internals.BodyReader;
import io.cardex.card.internals.CardSections;
import io.cardex.card.internals.ChineseKeys;
import io.cardex.card.internals.FileProblems;
import io.cardex.card.internals.FileText;
import io.cardex.card.internals.Header;
import io.cardex.card.internals.HeaderChecks;
import io.cardex.card.internals.HeaderFields;
import io.cardex.card.internals.HeaderReader;
import io.cardex.card.internals.PaperPageReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a card from its files: {@code <name>.md}, its Chinese version
 * {@code <name>_cn.md}, or both. A model card is an optional {@code # Title} line, a YAML header
 * between the first two {@code ---} lines, then a Markdown body; a file without a header may be
 * a paper page. It never throws on bad input: whatever is wrong becomes a {@link Problem} of the
 * returned card, and every problem is reported at once (past a file's first hundred, one problem
 * counts the others).
 */
public final class CardParser {

    private final CardRules rules;
    private final HeaderReader headerReader = new HeaderReader();

    public CardParser(CardRules rules) {
        this.rules = rules;
    }

    /**
     * @param english {@code <name>.md}, if the card has it
     * @param chinese {@code <name>_cn.md}, if the card has it; at least one of the two is present
     */
    public Card parse(CardId id, Optional<CardFile> english, Optional<CardFile> chinese) {
        Optional<CardText> englishText = english.map(this::read);
        Optional<CardText> chineseText = chinese.map(this::read);
        CardText main = englishText.or(() -> chineseText)
                .orElseThrow(() -> new IllegalArgumentException("card " + id + " has no file"));
        if (englishText.isEmpty()) {
            main.problems().warning("missing-english-version", 0, 0,
                    "the card has only a Chinese version: add " + id.path(Language.EN));
        }
        if (main.kind() == CardKind.MODEL && main.hasHeader()) {
            HeaderChecks.check(main.rawHeader(), main.header(), rules, main.problems());
        }
        Translation translation = chineseText.map(zh -> new Translation(Language.ZH, zh.title(),
                zh.header() == null ? null : zh.header().summary(), zh.body())).orElse(null);
        List<Problem> problems = new ArrayList<>();
        englishText.ifPresent(text -> problems.addAll(text.problems().toList()));
        chineseText.ifPresent(text -> problems.addAll(text.problems().toList()));
        return new Card(id, main.kind(), main.title(), main.header(), main.body(), main.paperPage(), translation,
                problems);
    }

    private CardText read(CardFile file) {
        FileProblems problems = new FileProblems(file.path());
        Optional<String> text = FileText.read(file, rules, problems);
        if (text.isEmpty()) {
            return CardText.unreadable(problems);
        }
        if (!CardSections.hasDelimiter(text.get())) {
            Optional<PaperPage> page = PaperPageReader.read(text.get());
            if (page.isPresent()) {
                return CardText.paper(page.get(), text.get(), problems);
            }
        }
        CardSections sections = CardSections.split(text.get(), problems);
        Header header = sections.header()
                .map(yaml -> headerReader.read(yaml, sections.headerFirstLine(), problems))
                .map(read -> file.language() == Language.ZH ? ChineseKeys.toEnglish(read) : read)
                .orElse(Header.EMPTY);
        return new CardText(CardKind.MODEL, sections.title(), header, HeaderFields.read(header, rules.hub(), problems),
                BodyReader.read(sections.body(), sections.bodyFirstLine(), problems), null, problems);
    }

    /** What one file of a card says, and what is wrong with it so far. */
    private record CardText(CardKind kind, String title, Header rawHeader, CardHeader header, CardBody body,
                            PaperPage paperPage, FileProblems problems) {

        static CardText unreadable(FileProblems problems) {
            return new CardText(CardKind.MODEL, null, Header.EMPTY, null, new CardBody("", List.of(), null, List.of()),
                    null, problems);
        }

        static CardText paper(PaperPage page, String text, FileProblems problems) {
            return new CardText(CardKind.PAPER, page.title(), Header.EMPTY, null,
                    new CardBody(text.strip(), List.of(), null, BodyReader.papers(text)), page, problems);
        }

        boolean hasHeader() {
            return !rawHeader.entries().isEmpty();
        }
    }
}
