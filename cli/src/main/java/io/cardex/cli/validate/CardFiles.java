package io.cardex.cli.validate;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cards in files and directories on disk, as a user names them on the command line. A
 * directory is searched for Markdown files at any depth; {@code x.md} and {@code x_cn.md} in one
 * folder are one card.
 */
public final class CardFiles {

    /** The files of one card, as paths the user can open. */
    public record LocalCard(CardId id, Optional<Path> english, Optional<Path> chinese) {
    }

    private CardFiles() {
    }

    /**
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<LocalCard> find(List<Path> paths) throws IOException {
        Map<Path, Map<Language, Path>> cards = new LinkedHashMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .forEach(file -> add(file, cards));
                }
            } else {
                add(path, cards);
            }
        }
        List<LocalCard> found = new ArrayList<>();
        cards.forEach((card, files) -> found.add(new LocalCard(idOf(card),
                Optional.ofNullable(files.get(Language.EN)), Optional.ofNullable(files.get(Language.ZH)))));
        return found;
    }

    /** Reads a card file, but not beyond {@code maxBytes}: a larger file comes with its size only. */
    public static CardFile read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        return new CardFile(file.toString(), size > maxBytes ? new byte[0] : Files.readAllBytes(file), size);
    }

    private static void add(Path file, Map<Path, Map<Language, Path>> cards) {
        Language language = Language.ofPath(file.toString());
        String name = file.getFileName().toString();
        String cardName = name.substring(0, name.length() - language.suffix().length());
        Path card = file.resolveSibling(cardName.isEmpty() ? name : cardName);
        cards.computeIfAbsent(card, key -> new LinkedHashMap<>()).putIfAbsent(language, file);
    }

    /**
     * The card id of a file laid out as {@code <user-id>/<version>/<name>.md}; the id only names
     * the card in reports, so a file elsewhere gets the closest id its path allows.
     */
    private static CardId idOf(Path card) {
        Path absolute = card.toAbsolutePath().normalize();
        String[] segments = new String[] {"_", "_", "_"};
        for (int i = 0; i < 3 && i < absolute.getNameCount(); i++) {
            String segment = absolute.getName(absolute.getNameCount() - 1 - i).toString().strip();
            segments[2 - i] = segment.isEmpty() || segment.equals(".") || segment.equals("..") ? "_" : segment;
        }
        return new CardId(String.join("/", segments));
    }
}
