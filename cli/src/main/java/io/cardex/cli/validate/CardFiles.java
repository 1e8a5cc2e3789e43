package io.cardex.cli.validate;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardPaths;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cards in files and directories on disk, as a user names them on the command line. A
 * directory is a cards root, sorted by {@link CardPaths} exactly as ingest sorts a repository's:
 * {@code <user-id>/.../<name>.md} at any depth is a card, with its {@code <name>_cn.md}; every other
 * file is skipped, with its reason. A file named on its own is read as a card.
 */
public final class CardFiles {

    /** The files of one card, as paths the user can open. */
    public record LocalCard(CardId id, Optional<Path> english, Optional<Path> chinese) {
    }

    /** The cards found, and the files of the directories that are no card. */
    public record Found(List<LocalCard> cards, List<SkippedFile> skipped) {

        public Found {
            cards = List.copyOf(cards);
            skipped = List.copyOf(skipped);
        }
    }

    private CardFiles() {
    }

    /**
     * @throws NoSuchFileException when a path does not exist
     */
    public static Found find(List<Path> paths) throws IOException {
        List<LocalCard> cards = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<Path, Map<Language, Path>> named = new LinkedHashMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            if (Files.isDirectory(path)) {
                sortRoot(path, cards, skipped);
            } else {
                Language language = Language.ofPath(path.toString());
                named.computeIfAbsent(cardPath(path, language), card -> new EnumMap<>(Language.class))
                        .putIfAbsent(language, path);
            }
        }
        for (Map.Entry<Path, Map<Language, Path>> card : named.entrySet()) {
            Map<Language, Path> files = card.getValue();
            // A Chinese version named alone is read with its English card beside it, when there is one.
            Path english = files.getOrDefault(Language.EN, card.getKey().resolveSibling(
                    card.getKey().getFileName() + Language.EN.suffix()));
            if (!Files.isRegularFile(english)) {
                skipped.add(new SkippedFile(files.get(Language.ZH).toString(), SkipReason.CHINESE_WITHOUT_ENGLISH));
            } else {
                cards.add(new LocalCard(idOf(card.getKey()), Optional.of(english),
                        Optional.ofNullable(files.get(Language.ZH))));
            }
        }
        return new Found(cards, skipped);
    }

    /** Reads a card file, but not beyond {@code maxBytes}: a larger file comes with its size only. */
    public static CardFile read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        return new CardFile(file.toString(), size > maxBytes ? new byte[0] : Files.readAllBytes(file), size);
    }

    private static void sortRoot(Path root, List<LocalCard> cards, List<SkippedFile> skipped) throws IOException {
        Map<String, Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            // A git repository's own folder holds no card, as ingest never sees it either.
            files = walk.filter(file -> !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> !root.relativize(file).toString().replace('\\', '/').matches("(.*/)?\\.git/.*"))
                    .collect(Collectors.toMap(file -> root.relativize(file).toString().replace('\\', '/'), file -> file));
        }
        CardPaths.Sorted sorted = CardPaths.sort(files.keySet(), below -> probe(files.get(below)));
        sorted.cards().forEach((id, languages) -> cards.add(new LocalCard(id,
                Optional.ofNullable(languages.get(Language.EN)).map(files::get),
                Optional.ofNullable(languages.get(Language.ZH)).map(files::get))));
        sorted.skipped().forEach(file -> skipped.add(new SkippedFile(files.get(file.path()).toString(), file.reason())));
    }

    /** Looks into a file as ingest looks into a blob: a link, a device or an I/O error is unreadable. */
    private static Optional<SkipReason> probe(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(SkipReason.UNREADABLE);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return CardPaths.probe(in);
        } catch (IOException e) {
            return Optional.of(SkipReason.UNREADABLE);
        }
    }

    /** The path of the card a named file belongs to: {@code x} of {@code x.md} and of {@code x_cn.md}. */
    private static Path cardPath(Path file, Language language) {
        String name = file.getFileName().toString();
        String cardName = name.endsWith(language.suffix()) ? name.substring(0, name.length() - language.suffix().length())
                : name;
        return file.resolveSibling(cardName.isEmpty() ? name : cardName);
    }

    /**
     * The card id of a file named on its own, from the last folders of its path: the id only
     * names the card in reports, so a file anywhere gets the closest id its path allows.
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
