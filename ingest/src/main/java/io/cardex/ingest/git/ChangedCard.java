package io.cardex.ingest.git;

import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A card whose files differ between two trees, with what the diff already says of its files in
 * the new tree: the blob of a file added or changed, or that a file is gone. A file the diff does
 * not mention (the English one, when only the Chinese version changed) is looked up in the tree.
 *
 * @param filesSeen per language the diff saw: the file's blob, or empty when it is gone
 */
public record ChangedCard(CardId id, Map<Language, Optional<ObjectId>> filesSeen) {

    public ChangedCard {
        filesSeen = Map.copyOf(filesSeen);
    }

    /** A card whose files are all to be looked up in the tree: one the diff did not see. */
    public static ChangedCard of(CardId id) {
        return new ChangedCard(id, new EnumMap<>(Language.class));
    }

    ChangedCard seeing(Language language, Optional<ObjectId> blob) {
        Map<Language, Optional<ObjectId>> seen = new EnumMap<>(Language.class);
        seen.putAll(filesSeen);
        seen.put(language, blob);
        return new ChangedCard(id, seen);
    }
}
