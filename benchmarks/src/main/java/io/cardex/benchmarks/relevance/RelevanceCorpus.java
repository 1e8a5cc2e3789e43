package io.cardex.benchmarks.relevance;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardPaths;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The relevance corpus of a cardex checkout: {@code relevance/hub}, a card repository laid out as
 * MindSpore Hub's ({@code mshub_res/assets/<user-id>/[<backend>/]<version>/<name>.md}), and the
 * judged queries over it, {@code relevance/queries.yaml}.
 */
public record RelevanceCorpus(Path hub, Path queries) {

    /** Where ingest finds the cards below {@link #hub()}, as it does in the hub's own repository. */
    static final String CARDS_ROOT = "mshub_res/assets";

    public static RelevanceCorpus in(Path cardexHome) {
        Path folder = cardexHome.resolve("relevance");
        if (!Files.isDirectory(folder.resolve("hub").resolve(CARDS_ROOT))) {
            throw new IllegalStateException("no relevance corpus in " + folder + ": run the benchmark from a cardex"
                    + " checkout (./cardex bench relevance), which holds it");
        }
        return new RelevanceCorpus(folder.resolve("hub"), folder.resolve("queries.yaml"));
    }

    /** The ids of the cards, as ingest and {@code cardex validate} tell cards from other files. */
    public Set<String> cardIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        sorted().cards().keySet().stream().map(CardId::value).forEach(ids::add);
        return ids;
    }

    /** The cards, parsed as ingest parses them, each with its Chinese version where it has one. */
    public List<Card> cards() throws IOException {
        List<Card> cards = new ArrayList<>();
        for (Map.Entry<CardId, Map<Language, String>> card : sorted().cards().entrySet()) {
            cards.add(new CardParser(CardRules.DEFAULT).parse(card.getKey(), file(card.getValue().get(Language.EN)),
                    file(card.getValue().get(Language.ZH))));
        }
        return cards;
    }

    private CardPaths.Sorted sorted() throws IOException {
        Path root = hub.resolve(CARDS_ROOT);
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> paths = new TreeSet<>(files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/')).toList());
            return CardPaths.sort(paths, path -> Optional.empty());
        }
    }

    private Optional<CardFile> file(String pathBelowRoot) throws IOException {
        return pathBelowRoot == null ? Optional.empty()
                : Optional.of(CardFile.of(pathBelowRoot, Files.readString(hub.resolve(CARDS_ROOT).resolve(pathBelowRoot))));
    }

    public JudgedSet judgedSet() throws IOException {
        JudgedSet set = JudgedSet.read(queries);
        set.requireCardsOf(cardIds());
        return set;
    }
}
