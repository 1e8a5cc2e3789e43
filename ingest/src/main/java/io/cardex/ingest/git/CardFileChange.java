package io.cardex.ingest.git;

import io.cardex.card.CardId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A card file that differs between two trees.
 *
 * @param path the file's path from the repository root
 * @param blob the file's content in the new tree; {@code null} for a deletion
 */
public record CardFileChange(Kind kind, CardId cardId, String path, ObjectId blob) {

    public enum Kind { UPSERT, DELETE }
}
