package io.cardex.embedding;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardPaths;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The fixture cards of these tests, real cards of the relevance corpus. */
final class Cards {

    /** The relevance corpus of the checkout: Maven runs the tests in the module's folder. */
    private static final Path CORPUS = Path.of("..", "relevance", "hub", "mshub_res", "assets");

    private Cards() {
    }

    /** The card of {@code mindspore/<version>/<name>}, read from the file {@code <name>.md} beside this class. */
    static Card read(String version, String name) {
        CardId id = new CardId("mindspore/" + version + "/" + name);
        try (InputStream in = Cards.class.getResourceAsStream(name + ".md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(id.path(Language.EN), text)),
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every card of the relevance corpus ({@code relevance/hub}), with its Chinese version where it has one. */
    static List<Card> corpus() {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            TreeSet<String> paths = new TreeSet<>(files.filter(Files::isRegularFile)
                    .map(file -> CORPUS.relativize(file).toString().replace('\\', '/')).toList());
            List<Card> cards = new ArrayList<>();
            for (Map.Entry<CardId, Map<Language, String>> card : CardPaths.sort(paths, path -> Optional.empty()).cards()
                    .entrySet()) {
                cards.add(new CardParser(CardRules.DEFAULT).parse(card.getKey(), file(card.getValue().get(Language.EN)),
                        file(card.getValue().get(Language.ZH))));
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<CardFile> file(String path) throws IOException {
        return path == null ? Optional.empty() : Optional.of(CardFile.of(path, Files.readString(CORPUS.resolve(path))));
    }
}
