package io.cardex.ingest.snapshot;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardParser;
import io.cardex.card.CardPaths;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.Operation;
import io.cardex.ingest.git.CardCandidate;
import io.cardex.ingest.git.CardsRoot;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.publish.ChangePublisher.EncodedChange;
import io.cardex.ingest.publish.CommitChanges;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Turns a candidate card of a snapshot into its encoded change, on a worker thread: reads its
 * blobs once, lets {@link CardPaths} judge them as it judges any folder (a binary or unreadable
 * file is no card file), parses the card and encodes its event. Each thread has its own parser
 * (SnakeYAML is not thread-safe) and reads with the {@link ObjectReader} it is given.
 */
final class CandidateReader {

    /**
     * What a candidate made.
     *
     * @param change  its encoded upsert; empty when its files make no card (only a Chinese version, binary)
     * @param skipped its files that are no part of a card, with their paths from the repository root
     */
    record Outcome(Optional<EncodedChange> change, List<SkippedFile> skipped) {
    }

    /** A file's content as read, or why it cannot be a card file. */
    private record FileRead(byte[] content, long size, Optional<SkipReason> problem) {
        static final FileRead UNREADABLE = new FileRead(new byte[0], 0, Optional.of(SkipReason.UNREADABLE));
    }

    private final CardsRoot root;
    private final CommitChanges commit;
    private final ChangePublisher publisher;
    private final long maxFileBytes;
    private final ThreadLocal<CardParser> parsers;

    CandidateReader(CardsRoot root, CardRules rules, CommitChanges commit, ChangePublisher publisher) {
        this.root = root;
        this.commit = commit;
        this.publisher = publisher;
        this.maxFileBytes = rules.maxFileBytes();
        this.parsers = ThreadLocal.withInitial(() -> new CardParser(rules));
    }

    Outcome read(CardCandidate candidate, ObjectReader reader) throws IOException {
        Map<String, FileRead> files = new HashMap<>();
        for (CardCandidate.File file : candidate.files()) {
            files.put(file.pathBelowRoot(), file.regularFile() ? read(file, reader) : FileRead.UNREADABLE);
        }
        CardPaths.Sorted sorted = CardPaths.sort(files.keySet(), path -> files.get(path).problem());
        List<SkippedFile> skipped = sorted.skipped().stream()
                .map(file -> new SkippedFile(root.pathOf(file.path()), file.reason())).toList();
        Map<Language, String> languages = sorted.filesOf(candidate.id());
        if (languages.isEmpty()) {
            return new Outcome(Optional.empty(), skipped);
        }
        List<CardFile> cardFiles = new ArrayList<>();
        for (Language language : Language.values()) {
            String path = languages.get(language);
            if (path != null) {
                FileRead read = files.get(path);
                cardFiles.add(new CardFile(root.pathOf(path), read.content(), read.size()));
            }
        }
        Card parsed = parsers.get().parse(candidate.id(), fileIn(cardFiles, Language.EN), fileIn(cardFiles, Language.ZH));
        EncodedChange change = publisher.encode(commit.upsert(candidate.id(), Operation.CREATE, cardFiles, parsed));
        return new Outcome(Optional.of(change), skipped);
    }

    /** The file's bytes; a file larger than a card may be is only probed, and comes without its content. */
    private FileRead read(CardCandidate.File file, ObjectReader reader) throws IOException {
        try {
            long size = reader.getObjectSize(file.blob(), Constants.OBJ_BLOB);
            if (size > maxFileBytes) {
                try (InputStream in = reader.open(file.blob(), Constants.OBJ_BLOB).openStream()) {
                    return new FileRead(new byte[0], size, CardPaths.probe(in));
                }
            }
            byte[] content = reader.open(file.blob(), Constants.OBJ_BLOB).getBytes();
            return new FileRead(content, size,
                    CardPaths.isBinary(content) ? Optional.of(SkipReason.BINARY) : Optional.empty());
        } catch (MissingObjectException e) {
            return FileRead.UNREADABLE;
        }
    }

    private static Optional<CardFile> fileIn(List<CardFile> files, Language language) {
        return files.stream().filter(file -> file.language() == language).findFirst();
    }
}
