package io.cardex.ingest.git;

import io.cardex.card.CardId;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files of a tree that may make one card, judged by their paths alone: its {@code <name>.md},
 * its {@code <name>_cn.md}, or both. Their contents still decide (a binary file is none).
 */
public record CardCandidate(CardId id, List<File> files) {

    public CardCandidate {
        files = List.copyOf(files);
    }

    /**
     * @param pathBelowRoot the file's path below the cards root
     * @param regularFile   false for a symbolic link or a submodule, which cardex cannot read
     */
    public record File(String pathBelowRoot, ObjectId blob, boolean regularFile) {
    }
}
