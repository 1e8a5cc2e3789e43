package io.cardex.card;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sorts the files below a cards root into cards and skipped files. It is the one judge of what a
 * card is: ingest and {@code cardex validate} both ask it, so that they never disagree. A card is
 * {@code <user-id>/.../<name>.md} at any depth, with its Chinese version {@code <name>_cn.md}
 * beside it; every other file is a {@link SkippedFile} with its reason.
 */
public final class CardPaths {

    /** Git's own test for a binary file: a NUL byte near the start. */
    private static final int BINARY_PROBE_BYTES = 8000;
    private static final Pattern README = Pattern.compile("(?i)readme(_cn)?\\.md");

    /** What looking into a file found: nothing wrong, or why it cannot be a card file. */
    @FunctionalInterface
    public interface ContentProbe {
        /** Empty when the file is readable text; else {@link SkipReason#BINARY} or {@link SkipReason#UNREADABLE}. */
        Optional<SkipReason> check(String pathBelowRoot);
    }

    /** The cards of a tree, each with its files by language, and the files that are not part of one. */
    public record Sorted(Map<CardId, Map<Language, String>> cards, List<SkippedFile> skipped) {

        public Sorted {
            cards = Collections.unmodifiableMap(new LinkedHashMap<>(cards));
            skipped = List.copyOf(skipped);
        }

        /** The card's files (paths below the root) by language; empty when the id is not a card here. */
        public Map<Language, String> filesOf(CardId id) {
            return cards.getOrDefault(id, Map.of());
        }
    }

    private CardPaths() {
    }

    /**
     * What a path alone says: empty when it may be a card file (the content and its siblings
     * still decide), else why it is not one.
     */
    public static Optional<SkipReason> reasonByPath(String pathBelowRoot) {
        String name = pathBelowRoot.substring(pathBelowRoot.lastIndexOf('/') + 1);
        if (!name.endsWith(Language.EN.suffix())) {
            return Optional.of(SkipReason.NOT_MARKDOWN);
        }
        if (README.matcher(name).matches()) {
            return Optional.of(SkipReason.README);
        }
        if (CardId.fromPath(pathBelowRoot).isEmpty()) {
            return Optional.of(SkipReason.NOT_A_KEY);
        }
        return Optional.empty();
    }

    /** Whether the first bytes of a file show a binary file, as git judges it. */
    /** {@link SkipReason#BINARY} when the file read from {@code in} is binary; empty when it is text. */
    public static Optional<SkipReason> probe(InputStream in) throws IOException {
        return isBinary(in.readNBytes(BINARY_PROBE_BYTES)) ? Optional.of(SkipReason.BINARY) : Optional.empty();
    }

    public static boolean isBinary(byte[] firstBytes) {
        for (int i = 0; i < Math.min(firstBytes.length, BINARY_PROBE_BYTES); i++) {
            if (firstBytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sorts every file below a cards root.
     *
     * @param pathsBelowRoot every file below the root, each once
     * @param probe          looks into a file that may be a card file; asked for no other
     * @return the cards (a card has its English file) and the skipped files, both in path order
     */
    public static Sorted sort(Collection<String> pathsBelowRoot, ContentProbe probe) {
        Map<CardId, Map<Language, String>> cards = new TreeMap<>(Comparator.comparing(CardId::value));
        List<SkippedFile> skipped = new ArrayList<>();
        for (String path : pathsBelowRoot.stream().sorted().toList()) {
            Optional<SkipReason> reason = reasonByPath(path).or(() -> probe.check(path));
            if (reason.isPresent()) {
                skipped.add(new SkippedFile(path, reason.get()));
            } else {
                CardId id = CardId.fromPath(path).orElseThrow();
                cards.computeIfAbsent(id, card -> new EnumMap<>(Language.class)).put(Language.ofPath(path), path);
            }
        }
        cards.values().removeIf(files -> {
            if (files.containsKey(Language.EN)) {
                return false;
            }
            skipped.add(new SkippedFile(files.get(Language.ZH), SkipReason.CHINESE_WITHOUT_ENGLISH));
            return true;
        });
        skipped.sort(Comparator.comparing(SkippedFile::path));
        Map<CardId, Map<Language, String>> frozen = new TreeMap<>(Comparator.comparing(CardId::value));
        cards.forEach((id, files) -> frozen.put(id, Map.copyOf(files)));
        return new Sorted(frozen, skipped);
    }
}
